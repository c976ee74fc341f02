/**
 * Create or edit the council or a forum: name, kind, the body it is part of (a forum: the
 * council; never itself or a body under it) and its purpose as free text over several lines.
 * Validated with the domain's BodyInputSchema in the browser and by the server; after a save,
 * a notice with a real undo; a stale edit is refused and can be reloaded.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/form/form-dialog';
import { FormSelectField, FormTextField } from '../../../components/form/form-fields';
import { FormProblem, useServerErrors } from '../../../components/form/form-problem';
import { FormTreeSelectField } from '../../../components/form/form-tree-select-field';
import { useNotify } from '../../../components/notifications';
import { bodiesInTreeOrder, bodyAndDescendants } from '../../../domain/body-tree';
import { BODY_KINDS, BodyInputSchema, type Body, type BodyInput } from '../../../domain/schemas';
import { bodyQueries, deleteRecord, refreshAfterWrite, updateRecord } from '../../../lib/resources';
import { BODY_FIELDS, bodyData, useCreateBody, useUpdateBody } from '../api/body-writes';

type Values = BodyInput;
type Output = ReturnType<typeof BodyInputSchema.parse>;

const formValues = (b: Partial<Body>): Values => ({
  name: b.name ?? '',
  kind: b.kind ?? 'forum',
  parentId: b.parentId ?? null,
  purpose: b.purpose ?? '',
});

function useBodyForm(values: Values) {
  return useForm<Values, unknown, Output>({ resolver: zodResolver(BodyInputSchema), defaultValues: values });
}

/** The first top-level council: where a new forum belongs by default. */
const councilOf = (bodies: readonly Body[] | undefined) => bodies?.find((b) => b.kind === 'council' && b.parentId === null);

function BodyFields({ form, editing }: { form: UseFormReturn<Values, unknown, Output>; editing?: Body }) {
  const { t } = useTranslation();
  const bodies = useQuery(bodyQueries.list());
  const { control, watch, setValue, getValues } = form;
  const parentOptions = useMemo(() => {
    const all = bodies.data ?? [];
    const excluded = editing ? bodyAndDescendants(all, editing.id) : new Set<string>();
    return bodiesInTreeOrder(all)
      .filter(({ body }) => !excluded.has(body.id))
      .map(({ body, depth }) => ({ value: body.id, label: body.name, depth }));
  }, [bodies.data, editing]);

  // A forum belongs under the council; a council stands on its own.
  useEffect(() => {
    const sub = watch((values, { name }) => {
      if (name !== 'kind') return;
      if (values.kind === 'council') setValue('parentId', null);
      else if (!getValues('parentId')) setValue('parentId', councilOf(bodies.data)?.id ?? null);
    });
    return () => sub.unsubscribe();
  }, [watch, setValue, getValues, bodies.data]);

  return (
    <>
      <FormTextField control={control} name="name" label={t('bodies.fields.name')} required autoFocus autoComplete="off" />
      <FormSelectField
        control={control}
        name="kind"
        label={t('bodies.fields.kind')}
        required
        options={BODY_KINDS.map((k) => ({ value: k, label: t(`bodies.kind.${k}`) }))}
      />
      <FormTreeSelectField
        control={control}
        name="parentId"
        label={t('bodies.fields.parent')}
        helperText={t('bodies.fields.parentHelp')}
        emptyLabel={t('bodies.fields.noParent')}
        options={parentOptions}
      />
      <FormTextField
        control={control}
        name="purpose"
        label={t('bodies.fields.purpose')}
        helperText={t('bodies.fields.purposeHelp')}
        multiline
        minRows={4}
      />
    </>
  );
}

/** Opens once the bodies are known, so a new forum starts under the council. */
export function CreateBodyDialog({ onClose }: { onClose: () => void }) {
  const bodies = useQuery(bodyQueries.list());
  if (bodies.isPending) return null;
  return <CreateBodyForm council={councilOf(bodies.data)} onClose={onClose} />;
}

function CreateBodyForm({ council, onClose }: { council: Body | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useCreateBody();
  // Most new bodies are fora under the council; with no council yet, the first is the council.
  const form = useBodyForm(formValues(council ? { kind: 'forum', parentId: council.id } : { kind: 'council' }));
  useServerErrors(create.error, form.setError, BODY_FIELDS);

  const submit = form.handleSubmit((input) =>
    create.mutate(input, {
      onSuccess: (created) => {
        onClose();
        void navigate({ to: '/bodies/$bodyId', params: { bodyId: created.id } });
        notify({
          message: t('bodies.notify.created', { name: created.name }),
          undo: async () => {
            await deleteRecord('bodies', created);
            await navigate({ to: '/bodies' });
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
      title={t('bodies.create.title')}
      onSubmit={submit}
      submitLabel={t('bodies.create.submit')}
      pending={create.isPending}
      problem={<FormProblem error={create.error} fields={BODY_FIELDS} />}
    >
      <BodyFields form={form} />
    </FormDialog>
  );
}

export function EditBodyDialog({ body, onClose }: { body: Body; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const update = useUpdateBody();
  // The version this edit is based on: as the dialog opened, or as reloaded after a refusal.
  const [base, setBase] = useState(body);
  const form = useBodyForm(formValues(body));
  useServerErrors(update.error, form.setError, BODY_FIELDS);

  const submit = form.handleSubmit((input) =>
    update.mutate(
      { body: base, input },
      {
        onSuccess: (saved) => {
          onClose();
          notify({
            message: t('bodies.notify.saved', { name: saved.name }),
            undo: async () => {
              await updateRecord('bodies', saved, bodyData(base));
              await refreshAfterWrite(queryClient);
            },
          });
        },
      },
    ),
  );

  const reload = async () => {
    const fresh = await queryClient.fetchQuery({ ...bodyQueries.detail(body.id), staleTime: 0 });
    setBase(fresh);
    form.reset(formValues(fresh));
    update.reset();
  };

  return (
    <FormDialog
      open
      onClose={onClose}
      title={t('bodies.edit.title', { name: base.name })}
      onSubmit={submit}
      submitLabel={t('form.save')}
      pending={update.isPending}
      problem={<FormProblem error={update.error} fields={BODY_FIELDS} onReload={() => void reload()} />}
    >
      <BodyFields form={form} editing={base} />
    </FormDialog>
  );
}
