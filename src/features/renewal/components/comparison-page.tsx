/**
 * /terms/$termId/renewal/compare: the council today against the council on the new term's
 * first day. Who continues, who leaves, who joins (with their seats), which seats are new,
 * dropped or vacant on day one, and the totals in one sentence. Printable: the navigation and
 * buttons are left out on paper, sections are not split across pages where avoidable.
 */
import PrintIcon from '@mui/icons-material/Print';
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
import type { ComparedPerson, RenewalState } from '../../../domain/renewal';
import type { Seat } from '../../../domain/schemas';
import { compareDanish } from '../../../domain/text';
import { formatDate } from '../../../lib/format';
import { RenewalStateGate, useRenewalState } from './renewal-workspace-page';

const route = getRouteApi('/terms/$termId/renewal/compare');

export function ComparisonPage() {
  const { termId } = route.useParams();
  const query = useRenewalState(termId);
  return (
    <RenewalStateGate termId={termId} query={query}>
      {(state) => <Comparison state={state} />}
    </RenewalStateGate>
  );
}

/** "18 fortsætter, 2 nye, 4 stopper, 21 pladser, heraf 1 ledig på dag ét". */
function ComparisonTotals({ state }: { state: RenewalState }) {
  const { t } = useTranslation();
  const c = state.comparison;
  return t('renewal.compare.totals', {
    continuing: c.continuing.length,
    joining: c.joining.length,
    leaving: c.leaving.length,
    seats: c.seatCount,
    count: c.vacantOnDayOne.length,
  });
}

function Comparison({ state }: { state: RenewalState }) {
  const { t, i18n } = useTranslation();
  const c = state.comparison;
  const termId = state.term.id;
  return (
    <Stack spacing={4}>
      <PageHeader
        back={<AppLink href={`/terms/${encodeURIComponent(termId)}/renewal`}>{t('renewal.page.backToWorkspace')}</AppLink>}
        title={t('renewal.compare.title', { from: state.term.label, to: state.nextTerm.label })}
        subtitle={t('renewal.compare.subtitle', {
          end: formatDate(state.term.endDate, i18n.language),
          start: formatDate(state.nextTerm.startDate, i18n.language),
        })}
        actions={
          <Button variant="outlined" startIcon={<PrintIcon />} onClick={() => window.print()}>
            {t('common.print')}
          </Button>
        }
      />
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography role="status" sx={{ fontWeight: 600, fontSize: '1.1rem' }}>
          <ComparisonTotals state={state} />
        </Typography>
      </Paper>
      <PeopleSection title={t('renewal.compare.continuing', { count: c.continuing.length })} people={c.continuing} state={state} />
      <PeopleSection title={t('renewal.compare.joining', { count: c.joining.length })} people={c.joining} state={state} />
      <PeopleSection title={t('renewal.compare.leaving', { count: c.leaving.length })} people={c.leaving} state={state} />
      <SeatsSection title={t('renewal.compare.newSeats', { count: c.newSeats.length })} seats={c.newSeats} />
      <SeatsSection title={t('renewal.compare.droppedSeats', { count: c.droppedSeats.length })} seats={c.droppedSeats} />
      <SeatsSection title={t('renewal.compare.vacantOnDayOne', { count: c.vacantOnDayOne.length })} seats={c.vacantOnDayOne} />
    </Stack>
  );
}

const keepTogether = { breakInside: 'avoid-page' } as const;
/** Seat columns on a laptop and on paper; on a phone they fold under the name. */
const onDesktop = { display: { xs: 'none', md: 'table-cell' }, '@media print': { display: 'table-cell' } } as const;
const onPhone = { display: { xs: 'block', md: 'none' } } as const;

function PeopleSection({ title, people, state }: { title: string; people: ComparedPerson[]; state: RenewalState }) {
  const { t } = useTranslation();
  const headingId = useId();
  const sorted = [...people].sort((a, b) => compareDanish(a.person.name, b.person.name));
  return (
    <Box component="section" aria-labelledby={headingId} sx={keepTogether}>
      <Typography variant="h2" id={headingId} sx={{ mb: 1 }}>
        {title}
      </Typography>
      {sorted.length === 0 ? (
        <Typography color="textSecondary">{t('renewal.compare.nobody')}</Typography>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-labelledby={headingId}>
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: { md: '34%' } }}>{t('renewal.compare.person')}</TableCell>
                <TableCell sx={onDesktop}>{t('renewal.compare.seatIn', { label: state.term.label })}</TableCell>
                <TableCell sx={onDesktop}>{t('renewal.compare.seatIn', { label: state.nextTerm.label })}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {sorted.map((p) => (
                <TableRow key={p.person.id}>
                  <TableCell component="th" scope="row">
                    <div>
                      <AppLink href={recordHref('person', p.person.id) ?? '/people'}>{p.person.name}</AppLink>
                    </div>
                    {/* On a phone (not on paper), the seats read as a line under the name. */}
                    <Typography variant="body2" color="textSecondary" sx={{ ...onPhone, '@media print': { display: 'none' } }}>
                      {`${p.currentSeats.join(', ') || '–'} → ${p.nextSeats.join(', ') || '–'}`}
                    </Typography>
                  </TableCell>
                  <TableCell sx={onDesktop}>{p.currentSeats.join(', ') || '–'}</TableCell>
                  <TableCell sx={onDesktop}>{p.nextSeats.join(', ') || '–'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Box>
  );
}

function SeatsSection({ title, seats }: { title: string; seats: Seat[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const sorted = [...seats].sort((a, b) => compareDanish(a.label, b.label));
  return (
    <Box component="section" aria-labelledby={headingId} sx={keepTogether}>
      <Typography variant="h2" id={headingId} sx={{ mb: 1 }}>
        {title}
      </Typography>
      {sorted.length === 0 ? (
        <Typography color="textSecondary">{t('renewal.compare.noSeats')}</Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 3 }}>
          {sorted.map((s) => (
            <li key={s.id}>
              <AppLink href={recordHref('seat', s.id) ?? '/terms'}>{s.label}</AppLink>
            </li>
          ))}
        </Box>
      )}
    </Box>
  );
}
