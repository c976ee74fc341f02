/**
 * "Forhåndsvis" and the review table: one row per line read, each editable (name, title,
 * organisation, sector of a new organisation, the candidate of an ambiguous match) or left
 * out; "Importér N rækker" sends the reviewed rows, all or nothing, and puts a refusal's
 * errors back on their rows.
 */
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import Paper from '@mui/material/Paper';
import FormControlLabel from '@mui/material/FormControlLabel';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { Theme } from '@mui/material/styles';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { Fragment, memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { validationText } from '../../../components/form/field-error';
import { AppLink } from '../../../components/record-link';
import { IMPORT_FIELDS, type ImportColumns, type ImportField, type ImportFormat, type ImportPreview, type ImportPreviewRow, type MatchStatus } from '../../../domain/import';
import { SECTORS, type Body, type FieldError, type Term } from '../../../domain/schemas';
import { ApiError, withQuery } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { refreshAfterWrite } from '../../../lib/resources';
import { commitImport, previewImport } from '../api/import-api';
import { NEW, NONE, commitRow, draftProblems, errorsByRow, initialDraft, rowOfDetail, type RowDraft, type Sector } from '../review';

/** Codes the import API writes on documents and rows, with their Danish and English texts. */
const IMPORT_ISSUES = new Set([
  'csv_syntax',
  'invalid_popolo',
  'malformed_json',
  'no_rows',
  'too_many_rows',
  'unknown_column',
  'missing_name',
  'not_a_name',
  'missing_organization',
]);

function issueText(t: TFunction, error: FieldError): string {
  if (error.code === 'duplicate') return t('importExport.review.duplicateOrganization');
  if (error.code === 'missing_column' && (error.field === 'columns.name' || error.field === 'columns.organization')) {
    return t(error.field === 'columns.name' ? 'importExport.issues.missing_column_name' : 'importExport.issues.missing_column_organization');
  }
  if (IMPORT_ISSUES.has(error.code)) return t(`importExport.issues.${error.code}` as 'importExport.issues.no_rows');
  return validationText(t, error.code, error.message);
}

export function ImportReview({ term, body, format, content }: { term: Term; body: Body; format: ImportFormat; content: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [drafts, setDrafts] = useState<RowDraft[]>([]);
  const [showProblems, setShowProblems] = useState(false);
  const [sent, setSent] = useState<number[]>([]);
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  const commit = useMutation({
    mutationFn: commitImport,
    onSuccess: async () => {
      preview.reset();
      await refreshAfterWrite(queryClient);
    },
  });
  const preview = useMutation({
    mutationFn: previewImport,
    onSuccess: (data) => {
      setDrafts(data.rows.map(initialDraft));
      setShowProblems(false);
      commit.reset();
    },
  });

  useEffect(() => {
    if (preview.data) reviewHeading.current?.focus();
  }, [preview.data]);
  useEffect(() => {
    if (commit.data) doneRef.current?.focus();
  }, [commit.data]);

  // CSV: which header each field is read from, once the reviewer has changed the server's guess.
  const [columns, setColumns] = useState<ImportColumns | undefined>(undefined);
  const runPreview = (chosen: ImportColumns | undefined = columns) =>
    preview.mutate({ format, content, termId: term.id, bodyId: body.id, ...(format === 'csv' && chosen ? { columns: chosen } : {}) });

  // Stable, so a keystroke in one row re-renders that row only (ReviewRow is memoised).
  const update = useCallback(
    (index: number, change: Partial<RowDraft>) => setDrafts((all) => all.map((d, i) => (i === index ? { ...d, ...change } : d))),
    [],
  );

  const rows = preview.data?.rows ?? [];
  const items = rows.flatMap((row, i) => {
    const draft = drafts[i];
    return draft ? [{ row, draft, i }] : [];
  });
  const included = items.filter((x) => x.draft.include);

  const commitError = commit.error instanceof ApiError ? commit.error : null;
  const { commitErrors, conflictRow, errorsOfRow } = useMemo(() => {
    const byRow = errorsByRow(commitError?.problem?.errors ?? [], sent);
    const conflict = commitError?.status === 409 ? rowOfDetail(commitError.problem?.detail, sent) : undefined;
    const all = new Map(byRow);
    if (conflict !== undefined) {
      all.set(conflict, [...(all.get(conflict) ?? []), { field: '', code: 'conflict', message: commitError?.problem?.detail ?? '' }]);
    }
    return { commitErrors: byRow, conflictRow: conflict, errorsOfRow: all };
  }, [commitError, sent]);

  const rowCommitErrors = (i: number): FieldError[] => errorsOfRow.get(i) ?? NO_ERRORS;
  // On a phone the rows are cards: a five-column table of fields does not fit 390px.
  const compact = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'), { noSsr: true });

  const runCommit = () => {
    setShowProblems(true);
    if (included.some((x) => draftProblems(x.draft).length > 0)) return;
    setSent(included.map((x) => x.i));
    commit.mutate({ termId: term.id, bodyId: body.id, rows: included.map((x) => commitRow(x.row, x.draft)) });
  };
  const hasBlockingProblems = showProblems && included.some((x) => draftProblems(x.draft).length > 0);

  return (
    <Stack spacing={2}>
      <Box>
        <Button variant="contained" onClick={() => runPreview()} disabled={preview.isPending || content.trim() === ''} sx={{ minHeight: 44 }}>
          {preview.isPending ? t('importExport.import.previewing') : t('importExport.import.preview')}
        </Button>
      </Box>

      {preview.isError && <ErrorState title={t('importExport.import.previewError')} error={preview.error} onRetry={() => runPreview()} />}

      {commit.data && (
        <Alert severity="success" ref={doneRef} tabIndex={-1} role="status">
          <Stack spacing={1}>
            <span>
              {t('importExport.done.message', {
                people: t('importExport.counts.newPeople', { count: commit.data.created.people }),
                organizations: t('importExport.counts.newOrganizations', { count: commit.data.created.organizations }),
                seats: t('importExport.counts.seats', { count: commit.data.created.seats }),
                memberships: t('importExport.counts.memberships', { count: commit.data.created.memberships }),
              })}
            </span>
            <AppLink href={withQuery('/roster', { bodyId: body.id, asOf: term.startDate })}>
              {t('importExport.done.roster', { date: formatDate(term.startDate, i18n.language) })}
            </AppLink>
          </Stack>
        </Alert>
      )}

      {preview.data && (
        <Stack spacing={2} component="section" aria-labelledby="review-heading">
          <Typography id="review-heading" variant="h2" ref={reviewHeading} tabIndex={-1} sx={{ outline: 'none' }}>
            {t('importExport.review.heading', { count: rows.length })}
          </Typography>
          <Typography role="status" sx={{ fontWeight: 500 }}>
            {t('importExport.review.summary', {
              newPeople: t('importExport.counts.newPeople', { count: preview.data.summary.people.new }),
              matchedPeople: t('importExport.counts.matchedPeople', { count: preview.data.summary.people.matched }),
              newOrganizations: t('importExport.counts.newOrganizations', { count: preview.data.summary.organizations.new }),
              errors: t('importExport.counts.withErrors', { count: preview.data.summary.rowsWithErrors }),
            })}
          </Typography>
          <Typography color="textSecondary">{t('importExport.import.nothingWritten')}</Typography>
          <DocumentNotes preview={preview.data} />
          {preview.data.csv && (
            <ColumnMapping
              // A new preview brings the mapping it used: start from that.
              key={JSON.stringify(preview.data.csv.columns)}
              csv={preview.data.csv}
              pending={preview.isPending}
              onApply={(chosen) => {
                setColumns(chosen);
                runPreview(chosen);
              }}
            />
          )}

          {rows.length > 0 &&
            (compact ? (
              <Stack component="ol" aria-labelledby="review-heading" spacing={2} sx={{ m: 0, p: 0, listStyle: 'none' }}>
                {items.map(({ row, draft, i }) => (
                  <ReviewRow key={row.line} compact row={row} draft={draft} index={i} onChange={update} showProblems={showProblems} commitErrors={rowCommitErrors(i)} />
                ))}
              </Stack>
            ) : (
              <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
                <Table size="small" aria-labelledby="review-heading" sx={{ minWidth: 900 }}>
                  <TableHead>
                    <TableRow>
                      <TableCell padding="checkbox">{t('importExport.review.columns.include')}</TableCell>
                      <TableCell>{t('importExport.review.columns.line')}</TableCell>
                      <TableCell>{t('importExport.review.columns.name')}</TableCell>
                      <TableCell>{t('importExport.review.columns.title')}</TableCell>
                      <TableCell>{t('importExport.review.columns.organization')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {items.map(({ row, draft, i }) => (
                      <ReviewRow key={row.line} row={row} draft={draft} index={i} onChange={update} showProblems={showProblems} commitErrors={rowCommitErrors(i)} />
                    ))}
                  </TableBody>
                </Table>
              </TableContainer>
            ))}

          {hasBlockingProblems && <Alert severity="error">{t('importExport.review.fixFirst')}</Alert>}
          {commit.isError && (
            commitError && (commitError.status === 400 || commitError.status === 409) ? (
              <Alert severity="error" role="alert">
                <AlertTitle>{t('importExport.review.refused')}</AlertTitle>
                {commitErrors.size === 0 && conflictRow === undefined && commitError.problem?.detail}
              </Alert>
            ) : (
              <ErrorState title={t('importExport.review.refused')} error={commit.error} onRetry={runCommit} />
            )
          )}
          <Box>
            <Button variant="contained" onClick={runCommit} disabled={commit.isPending || included.length === 0} sx={{ minHeight: 44 }}>
              {commit.isPending ? t('importExport.review.committing') : t('importExport.review.commit', { count: included.length })}
            </Button>
          </Box>
        </Stack>
      )}
    </Stack>
  );
}

function DocumentNotes({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  return (
    <>
      {preview.errors.length > 0 && (
        <Alert severity="error">
          <AlertTitle>{t('importExport.review.documentErrors')}</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {preview.errors.map((e, i) => (
              <li key={i}>{e.line ? t('importExport.review.lineError', { line: e.line, message: issueText(t, e) }) : issueText(t, e)}</li>
            ))}
          </Box>
        </Alert>
      )}
      {preview.skipped.length > 0 && (
        <Box component="details">
          <Box component="summary" sx={{ cursor: 'pointer', py: 1 }}>
            {t('importExport.review.skipped')} ({preview.skipped.length})
          </Box>
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {preview.skipped.map((s) => (
              <li key={s.line}>{t('importExport.review.lineError', { line: s.line, message: s.raw })}</li>
            ))}
          </Box>
        </Box>
      )}
    </>
  );
}

function StatusChip({ label, status }: { label: string; status: MatchStatus | 'error' }) {
  const color = status === 'error' ? 'error' : status === 'ambiguous' ? 'warning' : status === 'new' ? 'info' : 'default';
  return <Chip size="small" variant="outlined" color={color} label={label} sx={{ mt: 0.5, fontWeight: 500 }} />;
}

const NO_ERRORS: FieldError[] = [];

const ReviewRow = memo(function ReviewRow({
  row,
  draft,
  index,
  onChange: onRowChange,
  showProblems,
  commitErrors,
  compact = false,
}: {
  compact?: boolean;
  row: ImportPreviewRow;
  draft: RowDraft;
  index: number;
  onChange: (index: number, change: Partial<RowDraft>) => void;
  showProblems: boolean;
  commitErrors: FieldError[];
}) {
  const { t } = useTranslation();
  const onChange = (change: Partial<RowDraft>) => onRowChange(index, change);
  const problems = showProblems ? draftProblems(draft) : [];
  const line = row.line;
  const status = (s: MatchStatus) => t(`importExport.review.status.${s}`);
  const messages = [
    ...row.errors.map((e) => issueText(t, e)),
    ...problems.map((p) => t(`importExport.review.problems.${p}`)),
    ...commitErrors.map((e) => issueText(t, e)),
  ];
  const hasError = messages.length > 0;
  const errorId = `import-row-${line}-errors`;
  const describedBy = hasError ? errorId : undefined;
  const personOptions = [...row.person.candidates];
  const organizationOptions = [...row.organization.candidates];
  const personExisting = draft.personChoice !== NEW && draft.personChoice !== NONE;
  const organizationExisting = draft.organizationChoice !== NEW && draft.organizationChoice !== NONE;

  const include = (
    <Checkbox
      checked={draft.include}
      onChange={(e) => onChange({ include: e.target.checked })}
      slotProps={{ input: { 'aria-label': t('importExport.review.includeRow', { line }) } }}
    />
  );
  const errorChip = hasError && <StatusChip status="error" label={t('importExport.review.status.error')} />;
  const personPart = (
    <>
          {row.person.status === 'none' && draft.personChoice === NONE ? (
            <Typography variant="body2" sx={{ pt: 1 }}>
              {t('importExport.review.vacant')}
            </Typography>
          ) : (
            <Stack spacing={1}>
              {personOptions.length > 0 && (
                <TextField
                  select
                  size="small"
                  value={draft.personChoice}
                  onChange={(e) => onChange({ personChoice: e.target.value })}
                  slotProps={{ select: { native: true }, htmlInput: { 'aria-label': t('importExport.review.personOf', { line }), 'aria-describedby': describedBy } }}
                >
                  {draft.personChoice === '' && <option value="">{t('importExport.review.choose')}</option>}
                  {personOptions.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                  <option value={NEW}>{t('importExport.review.createNewPerson')}</option>
                </TextField>
              )}
              {!personExisting && (
                <TextField
                  size="small"
                  value={draft.name}
                  onChange={(e) => onChange({ name: e.target.value })}
                  error={problems.includes('nameRequired')}
                  slotProps={{ htmlInput: { 'aria-label': t('importExport.review.nameOf', { line }), 'aria-describedby': describedBy } }}
                />
              )}
              <Box>
                <StatusChip
                  status={row.person.status}
                  label={t('importExport.review.personStatus', { status: status(draft.personChoice === NEW && row.person.status !== 'new' ? 'new' : row.person.status) })}
                />
              </Box>
            </Stack>
          )}
    </>
  );
  const titlePart = (
          <TextField
            size="small"
            fullWidth
            multiline
            maxRows={3}
            value={draft.title}
            onChange={(e) => onChange({ title: e.target.value })}
            slotProps={{ htmlInput: { 'aria-label': t('importExport.review.titleOf', { line }), 'aria-describedby': describedBy } }}
          />
  );
  const organizationPart = (
          <Stack spacing={1}>
            {organizationOptions.length > 0 && (
              <TextField
                select
                size="small"
                value={draft.organizationChoice}
                onChange={(e) => onChange({ organizationChoice: e.target.value })}
                slotProps={{ select: { native: true }, htmlInput: { 'aria-label': t('importExport.review.organizationChoiceOf', { line }), 'aria-describedby': describedBy } }}
              >
                {draft.organizationChoice === '' && <option value="">{t('importExport.review.choose')}</option>}
                {organizationOptions.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
                <option value={NEW}>{t('importExport.review.createNewOrganization')}</option>
              </TextField>
            )}
            {!organizationExisting && draft.organizationChoice !== NONE && (
              <>
                <TextField
                  size="small"
                  value={draft.organizationName}
                  onChange={(e) => onChange({ organizationName: e.target.value })}
                  error={problems.includes('organizationRequired') || commitErrors.some((e) => e.field.startsWith('organization'))}
                  slotProps={{ htmlInput: { 'aria-label': t('importExport.review.organizationOf', { line }), 'aria-describedby': describedBy } }}
                />
                <TextField
                  select
                  size="small"
                  value={draft.sector}
                  onChange={(e) => onChange({ sector: e.target.value as Sector })}
                  helperText={
                    row.organization.sectorSource === 'guessed' && draft.sector === row.organization.proposedSector
                      ? t('importExport.review.sectorGuessed')
                      : row.organization.sectorSource === 'default' && draft.sector === row.organization.proposedSector
                        ? t('importExport.review.sectorDefault')
                        : undefined
                  }
                  slotProps={{ select: { native: true }, htmlInput: { 'aria-label': t('importExport.review.sectorOf', { line }) } }}
                >
                  {SECTORS.map((s) => (
                    <option key={s} value={s}>
                      {t(`sector.${s}`)}
                    </option>
                  ))}
                </TextField>
              </>
            )}
            {draft.organizationChoice === NONE && (
              <Typography variant="body2" sx={{ pt: 1 }}>
                {t('importExport.review.noOrganization')}
              </Typography>
            )}
            <Box>
              <StatusChip
                status={row.organization.status}
                label={t('importExport.review.organizationStatus', {
                  status: status(draft.organizationChoice === NEW && row.organization.status !== 'new' ? 'new' : row.organization.status),
                })}
              />
            </Box>
          </Stack>
  );
  const messageList = hasError && (
            <Box id={errorId} component="ul" sx={{ m: 0, pl: 2, color: 'error.main' }}>
              {messages.map((m, k) => (
                <li key={k}>
                  <Typography variant="body2" color="error">
                    {t('importExport.review.lineError', { line, message: m })}
                  </Typography>
                </li>
              ))}
            </Box>
  );

  if (compact) {
    return (
      <Paper component="li" variant="outlined" sx={{ p: 2, bgcolor: draft.include ? undefined : 'action.hover' }}>
        <Stack spacing={1.5}>
          <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1 }}>
            <FormControlLabel control={include} label={t('importExport.review.lineLabel', { line })} sx={{ ml: -1 }} />
            {errorChip}
          </Stack>
          {messageList}
          <FieldBlock label={t('importExport.review.columns.name')}>{personPart}</FieldBlock>
          <FieldBlock label={t('importExport.review.columns.title')}>{titlePart}</FieldBlock>
          <FieldBlock label={t('importExport.review.columns.organization')}>{organizationPart}</FieldBlock>
        </Stack>
      </Paper>
    );
  }

  return (
    <Fragment>
      <TableRow
        // A left-out row is shaded, not faded: its text keeps full contrast.
        sx={{ verticalAlign: 'top', bgcolor: draft.include ? undefined : 'action.hover', '& > td': hasError ? { borderBottom: 0 } : {} }}
      >
        <TableCell padding="checkbox">{include}</TableCell>
        <TableCell>
          <Typography variant="body2" sx={{ pt: 1 }}>
            {line}
          </Typography>
          {errorChip}
        </TableCell>
        <TableCell sx={{ minWidth: 200 }}>{personPart}</TableCell>
        <TableCell sx={{ minWidth: 280 }}>{titlePart}</TableCell>
        <TableCell sx={{ minWidth: 260 }}>{organizationPart}</TableCell>
      </TableRow>
      {hasError && (
        <TableRow>
          <TableCell />
          <TableCell colSpan={4} sx={{ pt: 0 }}>
            {messageList}
          </TableCell>
        </TableRow>
      )}
    </Fragment>
  );
});

/** A visible caption over a card's fields (the fields keep their own per-line accessible names). */
function FieldBlock({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Typography variant="body2" color="textSecondary" sx={{ fontWeight: 500, mb: 0.5 }} aria-hidden>
        {label}
      </Typography>
      {children}
    </Box>
  );
}

/** The CSV fields a reviewer maps ("body" is chosen on the page, not per row). */
const MAPPED_FIELDS = IMPORT_FIELDS.filter((f): f is Exclude<ImportField, 'body'> => f !== 'body');
const LEAVE_OUT = '';

/**
 * CSV: the header each field was read from, as the server guessed it (Danish or English
 * header names), each changeable to another header or left out; "Læs igen" previews the file
 * again with the choice, so the review rows below always match the mapping shown.
 */
function ColumnMapping({
  csv,
  pending,
  onApply,
}: {
  csv: NonNullable<ImportPreview['csv']>;
  pending: boolean;
  onApply: (columns: ImportColumns) => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Record<string, string>>(() =>
    Object.fromEntries(MAPPED_FIELDS.map((f) => [f, csv.columns[f] ?? LEAVE_OUT])),
  );
  return (
    <Paper variant="outlined" component="section" aria-labelledby="columns-heading" sx={{ p: 2 }}>
      <Typography id="columns-heading" variant="h3" sx={{ fontSize: '1rem', fontWeight: 600, mb: 0.5 }}>
        {t('importExport.columns.heading')}
      </Typography>
      <Typography color="textSecondary" sx={{ mb: 2 }}>
        {t('importExport.columns.help')}
      </Typography>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', md: 'repeat(4, 1fr)' } }}>
        {MAPPED_FIELDS.map((field) => (
          <TextField
            key={field}
            select
            size="small"
            label={t(`importExport.columns.fields.${field}`)}
            value={chosen[field] ?? LEAVE_OUT}
            onChange={(e) => setChosen((c) => ({ ...c, [field]: e.target.value }))}
            // "Ikke med" is the empty value: keep the label above it, not on top of it.
            slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          >
            <option value={LEAVE_OUT}>{t('importExport.columns.leaveOut')}</option>
            {csv.headers.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </TextField>
        ))}
      </Box>
      <Button
        variant="outlined"
        sx={{ mt: 2, minHeight: 44 }}
        disabled={pending}
        onClick={() => onApply(Object.fromEntries(MAPPED_FIELDS.map((f) => [f, chosen[f] || null])))}
      >
        {t('importExport.columns.apply')}
      </Button>
    </Paper>
  );
}
