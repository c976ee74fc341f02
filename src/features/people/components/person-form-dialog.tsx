/**
 * Create or edit a person in a dialog: name (required), email, phone (Danish: 8 digits,
 * optionally +45) and notes, validated with the domain's PersonInputSchema in the browser and
 * again by the server; errors in the user's language next to the field. After a save, a notice
 * with a real undo. An edit names the version it was based on: if someone else saved first,
 * the server refuses (409) and "Hent nyeste udgave" loads their version into the form.
 */
import Stack from '@mui/material/Stack';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { FormDialog } from '../../../components/form/form-dialog';
import { FormTextField } from '../../../components/form/form-fields';
import { FormProblem, useServerErrors } from '../../../components/form/form-problem';
import { useNotify } from '../../../components/notifications';
import { PersonInputSchema, type Person } from '../../../domain/schemas';
import { deleteRecord, personQueries, refreshAfterWrite, updateRecord } from '../../../lib/resources';
import { PERSON_FIELDS, personData, useCreatePerson, useUpdatePerson } from '../api/person-writes';

type Values = z.input<typeof PersonInputSchema>;
type Output = z.output<typeof PersonInputSchema>;

const formValues = (p?: Person): Values => ({
  name: p?.name ?? '',
  email: p?.email ?? '',
  phone: p?.phone ?? '',
  notes: p?.notes ?? '',
});

function usePersonForm(person?: Person) {
  return useForm<Values, unknown, Output>({ resolver: zodResolver(PersonInputSchema), defaultValues: formValues(person) });
}

function PersonFields({ control }: { control: ReturnType<typeof usePersonForm>['control'] }) {
  const { t } = useTranslation();
  return (
    <>
      <FormTextField control={control} name="name" label={t('people.fields.name')} required autoFocus autoComplete="off" />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <FormTextField control={control} name="email" type="email" label={t('people.fields.email')} autoComplete="off" />
        <FormTextField
          control={control}
          name="phone"
          type="tel"
          label={t('people.fields.phone')}
          helperText={t('people.fields.phoneHelp')}
          autoComplete="off"
        />
      </Stack>
      <FormTextField
        control={control}
        name="notes"
        label={t('people.fields.notes')}
        helperText={t('people.fields.notesHelp')}
        multiline
        minRows={3}
      />
    </>
  );
}

export function CreatePersonDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useCreatePerson();
  const { control, handleSubmit, setError } = usePersonForm();
  useServerErrors(create.error, setError, PERSON_FIELDS);

  const submit = handleSubmit((input) =>
    create.mutate(input, {
      onSuccess: (created) => {
        onClose();
        void navigate({ to: '/people/$personId', params: { personId: created.id } });
        notify({
          message: t('people.notify.created', { name: created.name }),
          undo: async () => {
            await deleteRecord('people', created);
            await navigate({ to: '/people' });
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
      title={t('people.create.title')}
      onSubmit={submit}
      submitLabel={t('people.create.submit')}
      pending={create.isPending}
      problem={<FormProblem error={create.error} fields={PERSON_FIELDS} />}
    >
      <PersonFields control={control} />
    </FormDialog>
  );
}

export function EditPersonDialog({ person, onClose }: { person: Person; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const update = useUpdatePerson();
  // The version this edit is based on: the record as the dialog opened, or as reloaded after
  // a refusal. Not kept in step with background refetches, so a concurrent change is caught.
  const [base, setBase] = useState(person);
  const { control, handleSubmit, setError, reset } = usePersonForm(person);
  useServerErrors(update.error, setError, PERSON_FIELDS);

  const submit = handleSubmit((input) =>
    update.mutate(
      { person: base, input },
      {
        onSuccess: (saved) => {
          onClose();
          notify({
            message: t('people.notify.saved', { name: saved.name }),
            undo: async () => {
              await updateRecord('people', saved, personData(base));
              await refreshAfterWrite(queryClient);
            },
          });
        },
      },
    ),
  );

  const reload = async () => {
    const fresh = await queryClient.fetchQuery({ ...personQueries.detail(person.id), staleTime: 0 });
    setBase(fresh);
    reset(formValues(fresh));
    update.reset();
  };

  return (
    <FormDialog
      open
      onClose={onClose}
      title={t('people.edit.title', { name: base.name })}
      onSubmit={submit}
      submitLabel={t('form.save')}
      pending={update.isPending}
      problem={<FormProblem error={update.error} fields={PERSON_FIELDS} onReload={() => void reload()} />}
    >
      <PersonFields control={control} />
    </FormDialog>
  );
}
