/** Fields several action forms share. */
import Stack from '@mui/material/Stack';
import { useQuery } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormSelectField, FormTextField, type SelectOption } from '../../../components/form/form-fields';
import { ROLES, type Role } from '../../../domain/schemas';
import { compareDanish } from '../../../domain/text';
import { organizationQueries } from '../../../lib/resources';

/** Two fields side by side on a laptop, under each other on a phone. */
export function StackRow({ children }: { children: ReactNode }) {
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
      {children}
    </Stack>
  );
}

export interface RoleTitleValues {
  role?: Role;
  title?: string;
}

/** Role (chair, vice-chair, member) and the title as the person's organisation writes it. */
export function RoleAndTitle({ control, titleHelp }: { control: Control<RoleTitleValues>; titleHelp?: string }) {
  const { t } = useTranslation();
  const roles = ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
  return (
    <StackRow>
      <FormSelectField
        control={control}
        name="role"
        label={t('memberships.fields.role')}
        options={roles}
        required
        sx={{ maxWidth: { sm: 200 } }}
      />
      <FormTextField
        control={control}
        name="title"
        label={t('memberships.fields.title')}
        helperText={titleHelp ?? t('memberships.fields.titleHelp')}
      />
    </StackRow>
  );
}

/** The organisations as choices in Danish alphabetical order; undefined until loaded. */
export function useOrganizationOptions(): SelectOption[] | undefined {
  const organizations = useQuery(organizationQueries.list());
  return useMemo(
    () =>
      organizations.data
        ?.map((o) => ({ value: o.id, label: o.name }))
        .sort((a, b) => compareDanish(a.label, b.label)),
    [organizations.data],
  );
}
