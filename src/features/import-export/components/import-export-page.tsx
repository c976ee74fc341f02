/**
 * /import: choose a term and a council or forum; import a roster from text, CSV or Popolo JSON
 * (preview → review table → commit, all or nothing); download the roster as CSV or Popolo.
 */
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { PageHeader } from '../../../components/page-header';
import { visuallyHidden } from '../../../components/visually-hidden';
import { todayIso } from '../../../domain/dates';
import { IMPORT_FORMATS, type ImportFormat } from '../../../domain/import';
import type { Body, Term } from '../../../domain/schemas';
import { compareDanish } from '../../../domain/text';
import { formatDate } from '../../../lib/format';
import { bodyQueries, termQueries } from '../../../lib/resources';
import { exportUrls } from '../api/import-api';
import { ImportReview } from './import-review';
import { useCan } from '../../../lib/session';

/** Council first, then the fora by name. */
function sortBodies(bodies: readonly Body[]): Body[] {
  return [...bodies].sort((a, b) => (a.kind === b.kind ? compareDanish(a.name, b.name) : a.kind === 'council' ? -1 : 1));
}

/** Today when the term covers it, else the term's first day. */
function defaultAsOf(term: Term | undefined): string {
  const today = todayIso();
  if (!term) return today;
  return today >= term.startDate && (term.endDate === null || today <= term.endDate) ? today : term.startDate;
}

export function ImportExportPage() {
  const { t } = useTranslation();
  const terms = useQuery(termQueries.list({ sort: '-startDate' }));
  const bodies = useQuery(bodyQueries.list());
  const [termChoice, setTermChoice] = useState('');
  const [bodyChoice, setBodyChoice] = useState('');
  // Everyone may export; importing writes the roster.
  const canImport = useCan('roster:write');

  const sortedBodies = useMemo(() => sortBodies(bodies.data ?? []), [bodies.data]);
  const term = terms.data?.find((x) => x.id === termChoice) ?? terms.data?.[0];
  const body = sortedBodies.find((x) => x.id === bodyChoice) ?? sortedBodies[0];

  let content;
  if (terms.isPending || bodies.isPending) {
    content = (
      <Stack spacing={2} role="status" aria-live="polite">
        <Typography sx={visuallyHidden}>{t('common.loading')}</Typography>
        <Skeleton variant="rounded" height={56} />
        <Skeleton variant="rounded" height={240} />
      </Stack>
    );
  } else if (terms.isError || bodies.isError) {
    content = (
      <ErrorState
        title={t('importExport.loadError')}
        error={terms.error ?? bodies.error}
        onRetry={() => {
          void terms.refetch();
          void bodies.refetch();
        }}
      />
    );
  } else if (!term || !body) {
    content = <Alert severity="info">{t('importExport.noTerms')}</Alert>;
  } else {
    content = (
      <>
        <Paper variant="outlined" component="section" aria-labelledby="target-heading" sx={{ p: { xs: 2, sm: 3 } }}>
          <Typography id="target-heading" variant="h2" sx={{ mb: 2 }}>
            {t('importExport.target')}
          </Typography>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField
              select
              label={t('importExport.term')}
              value={term.id}
              onChange={(e) => setTermChoice(e.target.value)}
              slotProps={{ select: { native: true } }}
              sx={{ minWidth: 220 }}
            >
              {terms.data.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.label}
                </option>
              ))}
            </TextField>
            <TextField
              select
              label={t('importExport.body')}
              value={body.id}
              onChange={(e) => setBodyChoice(e.target.value)}
              slotProps={{ select: { native: true } }}
              sx={{ minWidth: 260 }}
            >
              {sortedBodies.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </TextField>
          </Stack>
        </Paper>
        {/* A new term or body starts a new import: nothing reviewed for another target is sent. */}
        {canImport && <ImportSection key={`${term.id}/${body.id}`} term={term} body={body} />}
        <ExportSection key={`export/${term.id}`} term={term} body={body} />
      </>
    );
  }

  return (
    <Stack spacing={3}>
      <PageHeader title={t('importExport.title')} subtitle={t('importExport.subtitle')} />
      {content}
    </Stack>
  );
}

function ImportSection({ term, body }: { term: Term; body: Body }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<ImportFormat>('text');
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const readFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      setText(typeof reader.result === 'string' ? reader.result : '');
      setFileName(file.name);
      const ext = file.name.toLowerCase().split('.').pop();
      if (ext === 'csv') setFormat('csv');
      else if (ext === 'json') setFormat('popolo');
      else if (ext === 'txt') setFormat('text');
    };
    reader.readAsText(file);
    event.target.value = '';
  };

  return (
    <Paper variant="outlined" component="section" aria-labelledby="import-heading" sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography id="import-heading" variant="h2" sx={{ mb: 2 }}>
        {t('importExport.import.heading')}
      </Typography>
      <Stack spacing={2}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
          <TextField
            select
            label={t('importExport.import.format')}
            value={format}
            onChange={(e) => setFormat(e.target.value as ImportFormat)}
            slotProps={{ select: { native: true } }}
            sx={{ minWidth: 220 }}
          >
            {IMPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`importExport.import.formats.${f}`)}
              </option>
            ))}
          </TextField>
          <Button variant="outlined" startIcon={<UploadFileIcon />} onClick={() => fileInput.current?.click()} sx={{ alignSelf: { xs: 'flex-start', sm: 'center' }, minHeight: 44 }}>
            {t('importExport.import.file')}
          </Button>
          {/* The button opens the browser's file picker; the input itself stays out of the tab order. */}
          <input
            ref={fileInput}
            type="file"
            hidden
            aria-label={t('importExport.import.file')}
            accept=".txt,.csv,.json,text/plain,text/csv,application/json"
            onChange={readFile}
          />
          {fileName && (
            <Typography role="status" color="textSecondary">
              {t('importExport.import.fileRead', { name: fileName })}
            </Typography>
          )}
        </Stack>
        <TextField
          label={t('importExport.import.content')}
          helperText={t('importExport.import.contentHelp')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          multiline
          minRows={8}
          maxRows={20}
          fullWidth
          slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 14 } } }}
        />
        <ImportReview term={term} body={body} format={format} content={text} />
      </Stack>
    </Paper>
  );
}

function ExportSection({ term, body }: { term: Term; body: Body }) {
  const { t, i18n } = useTranslation();
  const [asOf, setAsOf] = useState(() => defaultAsOf(term));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(asOf);
  const links = [
    ...(valid
      ? [{ href: exportUrls.rosterCsv(body.id, asOf), label: `${body.name}: ${t('importExport.export.rosterCsv', { date: formatDate(asOf, i18n.language) })}` }]
      : []),
    { href: exportUrls.termCsv(term.id), label: t('importExport.export.termCsv', { term: term.label }) },
    { href: exportUrls.popolo(term.id), label: t('importExport.export.popolo', { term: term.label }) },
  ];
  return (
    <Paper variant="outlined" component="section" aria-labelledby="export-heading" sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography id="export-heading" variant="h2" sx={{ mb: 1 }}>
        {t('importExport.export.heading')}
      </Typography>
      <Typography color="textSecondary" sx={{ mb: 2 }}>
        {t('importExport.export.help')}
      </Typography>
      <Stack spacing={2}>
        <TextField
          type="date"
          label={t('importExport.export.asOf')}
          value={asOf}
          onChange={(e) => setAsOf(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ maxWidth: 220 }}
        />
        <Stack component="ul" spacing={1} sx={{ m: 0, p: 0, listStyle: 'none' }}>
          {links.map((link) => (
            <li key={link.href}>
              <Button component="a" href={link.href} download variant="text" startIcon={<DownloadIcon />} sx={{ textAlign: 'left', minHeight: 44 }}>
                {link.label}
              </Button>
            </li>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
