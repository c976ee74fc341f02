/**
 * Create or edit an organisation in a dialog: name, sector and the other names it is known
 * by, validated with the domain's OrganizationInputSchema in the browser and by the server.
 * After a save, a notice with a real undo. An edit names the version it was based on; if
 * someone else saved first, "Hent nyeste udgave" loads their version into the form.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { FormDialog } from '../../../components/form/form-dialog';
import { FormSelectField, FormTextField } from '../../../components/form/form-fields';
import { FormProblem, useServerErrors } from '../../../components/form/form-problem';
import { useNotify } from '../../../components/notifications';
import { OrganizationInputSchema, SECTORS, type Organization } from '../../../domain/schemas';
import { deleteRecord, organizationQueries, refreshAfterWrite, updateRecord } from '../../../lib/resources';
import {
  ORGANIZATION_FIELDS,
  organizationData,
  useCreateOrganization,
  useUpdateOrganization,
} from '../api/organization-writes';
import { OtherNamesField } from './other-names-field';

type Values = z.input<typeof OrganizationInputSchema>;
type Output = z.output<typeof OrganizationInputSchema>;

const formValues = (o?: Organization): Values => ({
  name: o?.name ?? '',
  // No sector until one is chosen: the select starts empty and says so if left so.
  sector: o?.sector ?? (null as unknown as Values['sector']),
  otherNames: o ? [...o.otherNames] : [],
});

function useOrganizationForm(organization?: Organization) {
  return useForm<Values, unknown, Output>({
    resolver: zodResolver(OrganizationInputSchema),
    defaultValues: formValues(organization),
  });
}

function OrganizationFields({ control }: { control: ReturnType<typeof useOrganizationForm>['control'] }) {
  const { t } = useTranslation();
  const sectors = SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }));
  return (
    <>
      <FormTextField control={control} name="name" label={t('organizations.fields.name')} required autoFocus autoComplete="off" />
      <FormSelectField control={control} name="sector" label={t('organizations.fields.sector')} required options={sectors} />
      <OtherNamesField control={control} name="otherNames" />
    </>
  );
}

export function CreateOrganizationDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useCreateOrganization();
  const { control, handleSubmit, setError } = useOrganizationForm();
  useServerErrors(create.error, setError, ORGANIZATION_FIELDS);

  const submit = handleSubmit((input) =>
    create.mutate(input, {
      onSuccess: (created) => {
        onClose();
        void navigate({ to: '/organizations/$organizationId', params: { organizationId: created.id } });
        notify({
          message: t('organizations.notify.created', { name: created.name }),
          undo: async () => {
            await deleteRecord('organizations', created);
            await navigate({ to: '/organizations' });
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
      title={t('organizations.create.title')}
      onSubmit={submit}
      submitLabel={t('organizations.create.submit')}
      pending={create.isPending}
      problem={<FormProblem error={create.error} fields={ORGANIZATION_FIELDS} />}
    >
      <OrganizationFields control={control} />
    </FormDialog>
  );
}

export function EditOrganizationDialog({ organization, onClose }: { organization: Organization; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const update = useUpdateOrganization();
  // The version this edit is based on (as opened, or as reloaded after a refusal).
  const [base, setBase] = useState(organization);
  const { control, handleSubmit, setError, reset } = useOrganizationForm(organization);
  useServerErrors(update.error, setError, ORGANIZATION_FIELDS);

  const submit = handleSubmit((input) =>
    update.mutate(
      { organization: base, input },
      {
        onSuccess: (saved) => {
          onClose();
          notify({
            message: t('organizations.notify.saved', { name: saved.name }),
            undo: async () => {
              await updateRecord('organizations', saved, organizationData(base));
              await refreshAfterWrite(queryClient);
            },
          });
        },
      },
    ),
  );

  const reload = async () => {
    const fresh = await queryClient.fetchQuery({ ...organizationQueries.detail(organization.id), staleTime: 0 });
    setBase(fresh);
    reset(formValues(fresh));
    update.reset();
  };

  return (
    <FormDialog
      open
      onClose={onClose}
      title={t('organizations.edit.title', { name: base.name })}
      onSubmit={submit}
      submitLabel={t('form.save')}
      pending={update.isPending}
      problem={<FormProblem error={update.error} fields={ORGANIZATION_FIELDS} onReload={() => void reload()} />}
    >
      <OrganizationFields control={control} />
    </FormDialog>
  );
}
