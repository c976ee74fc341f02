/**
 * /terms/$termId/renewal/requests: the organisations to ask for a nominee (decision
 * 'nominate', not yet answered): their seats, the current holders, the due date and a contact.
 * Organisations have no contact fields, so the contact is the current holder's email and
 * phone (docs/decisions/014). The list downloads as CSV for a mail merge (the server's
 * requests.csv), and prints as one formal Danish letter per organisation, one page each.
 */
import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import WarningIcon from '@mui/icons-material/WarningAmber';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { getRouteApi } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { AppLink, recordHref } from '../../../components/record-link';
import { todayIso } from '../../../domain/dates';
import type { RenewalSeat, RenewalState } from '../../../domain/renewal';
import { formatDate, formatSpan } from '../../../lib/format';
import { requestsCsvHref } from '../api/renewal-api';
import { organizationRequests, type OrganizationRequest } from '../renewal-view';
import { RenewalStateGate, useRenewalState } from './renewal-workspace-page';

const route = getRouteApi('/terms/$termId/renewal/requests');

export function RequestsPage() {
  const { termId } = route.useParams();
  const query = useRenewalState(termId);
  return (
    <RenewalStateGate termId={termId} query={query}>
      {(state) => <Requests state={state} />}
    </RenewalStateGate>
  );
}

function Requests({ state }: { state: RenewalState }) {
  const { t } = useTranslation();
  const termId = state.term.id;
  const requests = organizationRequests(state);
  const listId = useId();
  const lettersId = useId();
  return (
    <Stack spacing={4}>
      <Box sx={{ displayPrint: 'none' }}>
        <PageHeader
          back={<AppLink href={`/terms/${encodeURIComponent(termId)}/renewal`}>{t('renewal.page.backToWorkspace')}</AppLink>}
          title={t('renewal.requests.title', { label: state.nextTerm.label })}
          subtitle={t('renewal.requests.subtitle', { count: requests.length })}
          actions={
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
              <Button variant="outlined" startIcon={<DownloadIcon />} href={requestsCsvHref(termId)} download>
                {t('renewal.requests.csv')}
              </Button>
              <Button variant="contained" startIcon={<PrintIcon />} onClick={() => window.print()} disabled={requests.length === 0}>
                {t('renewal.requests.print')}
              </Button>
            </Box>
          }
        />
      </Box>
      {requests.length === 0 ? (
        <Alert severity="info">{t('renewal.requests.none')}</Alert>
      ) : (
        <>
          <Box component="section" aria-labelledby={listId} sx={{ displayPrint: 'none' }}>
            <Typography variant="h2" id={listId} sx={{ mb: 1 }}>
              {t('renewal.requests.listHeading')}
            </Typography>
            <Typography color="textSecondary" sx={{ mb: 2 }}>
              {t('renewal.requests.contactNote')}
            </Typography>
            <RequestTable requests={requests} labelledBy={listId} />
          </Box>
          <Box component="section" aria-labelledby={lettersId}>
            <Typography variant="h2" id={lettersId} sx={{ mb: 1, displayPrint: 'none' }}>
              {t('renewal.requests.lettersHeading')}
            </Typography>
            <Typography color="textSecondary" sx={{ mb: 2, displayPrint: 'none' }}>
              {t('renewal.requests.lettersHelp')}
            </Typography>
            <Stack spacing={3} sx={{ '@media print': { display: 'block' } }}>
              {requests.map((r) => (
                <Letter key={r.organization?.id ?? 'none'} request={r} state={state} />
              ))}
            </Stack>
          </Box>
        </>
      )}
    </Stack>
  );
}

const onDesktop = { display: { xs: 'none', md: 'table-cell' } } as const;
const onPhone = { display: { xs: 'block', md: 'none' } } as const;

function RequestTable({ requests, labelledBy }: { requests: OrganizationRequest[]; labelledBy: string }) {
  const { t } = useTranslation();
  const holderName = (s: RenewalSeat) => s.currentHolder?.person.name ?? t('renewal.table.nowVacant');
  const contactText = (s: RenewalSeat) => {
    const p = s.currentHolder?.person;
    const parts = [p?.email, p?.phone].filter(Boolean);
    return parts.length ? parts.join(' · ') : t('renewal.requests.noContact');
  };
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-labelledby={labelledBy}>
        <TableHead>
          <TableRow>
            <TableCell>{t('renewal.requests.organization')}</TableCell>
            <TableCell>{t('renewal.requests.seats')}</TableCell>
            <TableCell sx={onDesktop}>{t('renewal.requests.holder')}</TableCell>
            <TableCell sx={onDesktop}>{t('renewal.requests.contact')}</TableCell>
            <TableCell sx={onDesktop}>{t('renewal.requests.dueDate')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {requests.map((r) => (
            <TableRow key={r.organization?.id ?? 'none'} sx={{ verticalAlign: 'top' }}>
              <TableCell component="th" scope="row">
                {/* The link is a block of its own: the due date under it (on a phone) is other text. */}
                <div>
                  {r.organization ? (
                    <AppLink href={recordHref('organization', r.organization.id) ?? '/organizations'}>{r.organization.name}</AppLink>
                  ) : (
                    t('renewal.table.noOrganization')
                  )}
                </div>
                <Box sx={{ ...onPhone, fontWeight: 400, mt: 0.5 }}>
                  <DueText request={r} />
                </Box>
              </TableCell>
              <TableCell>
                {r.seats.map((s) => (
                  <Box key={s.seat.id} sx={{ mb: { xs: 1, md: 0 } }}>
                    {s.seat.label}
                    {s.nomination?.status === 'requested' ? ` (${t('renewal.statuses.requested').toLowerCase()})` : ''}
                    {/* On a phone, holder and contact read as lines under the seat. */}
                    <Typography variant="body2" color="textSecondary" sx={onPhone}>
                      {holderName(s)}
                    </Typography>
                    <Typography variant="body2" color="textSecondary" sx={onPhone}>
                      {contactText(s)}
                    </Typography>
                  </Box>
                ))}
              </TableCell>
              <TableCell sx={onDesktop}>
                {r.seats.map((s) => (
                  <div key={s.seat.id}>{holderName(s)}</div>
                ))}
              </TableCell>
              <TableCell sx={onDesktop}>
                {r.seats.map((s) => (
                  <div key={s.seat.id}>{contactText(s)}</div>
                ))}
              </TableCell>
              <TableCell sx={onDesktop}>
                <DueText request={r} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function DueText({ request: r }: { request: OrganizationRequest }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {r.dueDate ? formatDate(r.dueDate, i18n.language) : t('renewal.requests.noDueDate')}
      {r.seats.some((s) => s.overdue) && (
        <Box component="span" sx={{ display: 'flex', alignItems: 'center', gap: 0.5, color: 'error.main', fontWeight: 600 }}>
          <WarningIcon fontSize="small" aria-hidden />
          {t('renewal.requests.overdue')}
        </Box>
      )}
    </>
  );
}

/** One organisation's letter: formal Danish (always: the letters go to Danish organisations), one printed page. */
function Letter({ request, state }: { request: OrganizationRequest; state: RenewalState }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('da');
  const org = request.organization?.name ?? t('renewal.letter.organizationFallback');
  const bodies = [...new Set(request.seats.map((s) => s.body.name))];
  const holders = request.seats.flatMap((s) => (s.currentHolder ? [s.currentHolder.person.name] : []));
  const due = request.dueDate ? formatDate(request.dueDate, 'da') : null;
  const headingId = useId();
  return (
    <Paper
      component="article"
      variant="outlined"
      aria-labelledby={headingId}
      lang="da"
      sx={{
        p: { xs: 2, sm: 5 },
        maxWidth: '21cm',
        fontFamily: 'Georgia, "Times New Roman", serif',
        '& p': { m: 0, mb: 1.5, lineHeight: 1.6 },
        '& .MuiTypography-root': { fontFamily: 'inherit' },
        '@media print': { border: 'none', p: 0, maxWidth: 'none', breakAfter: 'page', pageBreakAfter: 'always', '&:last-of-type': { breakAfter: 'auto' } },
      }}
    >
      <Typography component="p" sx={{ textAlign: 'right' }}>
        {t('renewal.letter.place', { date: formatDate(todayIso(), 'da') })}
      </Typography>
      <Typography component="p" sx={{ fontWeight: 600 }}>
        {org}
      </Typography>
      <Typography component="h3" id={headingId} sx={{ fontWeight: 700, fontSize: '1.05rem', mt: 3, mb: 2, fontFamily: 'inherit' }}>
        {t('renewal.letter.subject', { body: bodies.join(', '), label: state.nextTerm.label })}
      </Typography>
      <p>{t('renewal.letter.greeting', { organization: org })}</p>
      <p>
        {t('renewal.letter.intro', {
          body: bodies.join(', '),
          current: state.term.label,
          end: formatDate(state.term.endDate, 'da'),
          next: state.nextTerm.label,
          dates: formatSpan(state.nextTerm.startDate, state.nextTerm.endDate, 'da'),
        })}
      </p>
      {holders.length > 0 && (
        <p>{t('renewal.letter.thanks', { count: holders.length, names: listText(holders) })}</p>
      )}
      <p>{t('renewal.letter.ask', { count: request.seats.length, next: state.nextTerm.label })}</p>
      <Box component="ul" sx={{ mt: 0, mb: 1.5 }}>
        {request.seats.map((s) => (
          <li key={s.seat.id}>{`${s.seat.label} (${s.body.name})`}</li>
        ))}
      </Box>
      <p>{due ? t('renewal.letter.due', { date: due }) : t('renewal.letter.noDue')}</p>
      <p>{t('renewal.letter.details')}</p>
      <p>{t('renewal.letter.questions')}</p>
      <Typography component="p" sx={{ mt: 3 }}>
        {t('renewal.letter.closing')}
      </Typography>
      <Typography component="p">{t('renewal.letter.sender', { body: bodies[0] ?? '' })}</Typography>
    </Paper>
  );
}

/** "A, B og C". */
function listText(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} og ${names.at(-1)}`;
}
