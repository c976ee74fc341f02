/**
 * Create or edit a term: name, first and last day, validated with the domain's TermInputSchema
 * in the browser (last day before first day is refused next to the field) and by the server,
 * which also refuses a term that overlaps another (409, naming that term, with a link). After
 * a save, a notice with a real undo. An edit names the version it was based on: if someone
 * else saved first, the server refuses and "Hent nyeste udgave" loads their version.
 */
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Stack from '@mui/material/Stack';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm, type UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/form/form-dialog';
import { FormDateField, FormTextField } from '../../../components/form/form-fields';
import { FormProblem, useServerErrors } from '../../../components/form/form-problem';
import { useNotify } from '../../../components/notifications';
import { AppLink, recordHref } from '../../../components/record-link';
import { TermInputSchema, type Term, type TermInput } from '../../../domain/schemas';
import { ApiError } from '../../../lib/api-client';
import { formatSpan } from '../../../lib/format';
import { deleteRecord, refreshAfterWrite, termQueries, updateRecord } from '../../../lib/resources';
import { TERM_FIELDS, termData, useCreateTerm, useUpdateTerm } from '../api/term-writes';
import { formResolver } from '../form';

type Values = TermInput;
type Output = ReturnType<typeof TermInputSchema.parse>;

const formValues = (t?: Term): Values => ({ label: t?.label ?? '', startDate: t?.startDate ?? '', endDate: t?.endDate ?? '' });

function useTermForm(term?: Term) {
  return useForm<Values, unknown, Output>({ resolver: formResolver(TermInputSchema), defaultValues: formValues(term) });
}

interface Overlap {
  id: string;
  /** The server's summary, shown until the term itself has loaded. */
  summary: string | undefined;
  term: Term | undefined;
}

/** The terms a refused write overlaps (from the 409's conflicts, each loaded for its dates), or []. */
function useOverlaps(error: unknown): Overlap[] {
  const conflicts =
    error instanceof ApiError && error.status === 409
      ? (error.problem?.conflicts ?? []).filter((c) => c.rule === 'term-overlap')
      : [];
  const terms = useQueries({ queries: conflicts.map((c) => termQueries.detail(c.id)) });
  return conflicts.map((c, i) => ({ id: c.id, summary: c.summary, term: terms[i]?.data }));
}

/** Names the overlapped term next to the first-day field (the server's own text only says "another term"). */
function useOverlapOnField(error: unknown, overlaps: Overlap[], setError: UseFormSetError<Values>) {
  const { t } = useTranslation();
  const label = overlaps[0]?.term?.label;
  useEffect(() => {
    // Runs after useServerErrors (declared first), so this message replaces its generic one.
    if (label) setError('startDate', { type: 'server', message: t('terms.overlap.field', { label }) });
  }, [error, label, setError, t]);
}

/** Why the term was not saved: an overlap names the other term (a link, with its dates); else the shared explanation. */
function TermProblem({ error, overlaps, onReload }: { error: unknown; overlaps: Overlap[]; onReload?: () => void }) {
  const { t, i18n } = useTranslation();
  if (overlaps.length === 0) return <FormProblem error={error} fields={TERM_FIELDS} onReload={onReload} />;
  return (
    <Alert severity="error" role="alert">
      <AlertTitle>{t('form.notSaved')}</AlertTitle>
      {t('terms.overlap.message')}
      <ul style={{ margin: '4px 0 0', paddingLeft: '1.25em' }}>
        {overlaps.map(({ id, summary, term }) => (
          <li key={id}>
            <AppLink href={recordHref('term', id) ?? '/terms'}>{term?.label ?? summary ?? t('conflict.open')}</AppLink>
            {term && ` (${formatSpan(term.startDate, term.endDate, i18n.language)})`}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function TermFields({ control }: { control: ReturnType<typeof useTermForm>['control'] }) {
  const { t } = useTranslation();
  return (
    <>
      <FormTextField
        control={control}
        name="label"
        label={t('terms.fields.label')}
        helperText={t('terms.fields.labelHelp')}
        required
        autoFocus
        autoComplete="off"
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <FormDateField control={control} name="startDate" label={t('terms.fields.startDate')} required />
        <FormDateField control={control} name="endDate" label={t('terms.fields.endDate')} required />
      </Stack>
    </>
  );
}

export function CreateTermDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const create = useCreateTerm();
  const { control, handleSubmit, setError } = useTermForm();
  useServerErrors(create.error, setError, TERM_FIELDS);
  const overlaps = useOverlaps(create.error);
  useOverlapOnField(create.error, overlaps, setError);

  const submit = handleSubmit((input) =>
    create.mutate(input, {
      onSuccess: (created) => {
        onClose();
        notify({
          message: t('terms.notify.created', { label: created.label }),
          undo: async () => {
            await deleteRecord('terms', created);
            await refreshAfterWrite(queryClient);
          },
        });
      },
    }),
  );

  return (
    <FormDialog
      open
      onClose={onClose}
      title={t('terms.create.title')}
      onSubmit={submit}
      submitLabel={t('terms.create.submit')}
      pending={create.isPending}
      problem={<TermProblem error={create.error} overlaps={overlaps} />}
    >
      <TermFields control={control} />
    </FormDialog>
  );
}

export function EditTermDialog({ term, onClose }: { term: Term; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const update = useUpdateTerm();
  // The version this edit is based on: as the dialog opened, or as reloaded after a refusal;
  // not kept in step with background refetches, so a concurrent change is caught.
  const [base, setBase] = useState(term);
  const { control, handleSubmit, setError, reset } = useTermForm(term);
  useServerErrors(update.error, setError, TERM_FIELDS);
  const overlaps = useOverlaps(update.error);
  useOverlapOnField(update.error, overlaps, setError);

  const submit = handleSubmit((input) =>
    update.mutate(
      { term: base, input },
      {
        onSuccess: (saved) => {
          onClose();
          notify({
            message: t('terms.notify.saved', { label: saved.label }),
            undo: async () => {
              await updateRecord('terms', saved, termData(base));
              await refreshAfterWrite(queryClient);
            },
          });
        },
      },
    ),
  );

  const reload = async () => {
    const fresh = await queryClient.fetchQuery({ ...termQueries.detail(term.id), staleTime: 0 });
    setBase(fresh);
    reset(formValues(fresh));
    update.reset();
  };

  return (
    <FormDialog
      open
      onClose={onClose}
      title={t('terms.edit.title', { label: base.label })}
      onSubmit={submit}
      submitLabel={t('form.save')}
      pending={update.isPending}
      problem={<TermProblem error={update.error} overlaps={overlaps} onReload={() => void reload()} />}
    >
      <TermFields control={control} />
    </FormDialog>
  );
}
