/**
 * The user administration's dialogs: create (name, e-mail, role, first password), edit (name,
 * e-mail, role), a new password, and disabling/enabling after asking. The server refuses
 * demoting or disabling the last active admin (409 'last-admin') and an e-mail in use (409
 * 'unique'): both are explained next to the field and above the buttons.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm, type FieldValues, type Path, type UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { FormDialog } from '../../../components/form/form-dialog';
import { FormSelectField, FormTextField } from '../../../components/form/form-fields';
import { FormProblem, useServerErrors } from '../../../components/form/form-problem';
import { useNotify } from '../../../components/notifications';
import { NewPasswordSchema, USER_ROLES, UserInputSchema, UserPatchSchema, type User } from '../../../domain/auth';
import { ApiError } from '../../../lib/api-client';
import { patchUser, USER_FIELDS, useCreateUser, usePatchUser } from '../api/user-api';

function useRoleOptions() {
  const { t } = useTranslation();
  return USER_ROLES.map((r) => ({ value: r, label: t(`session.roles.${r}`) }));
}

/** 409s the generic form helpers cannot place: e-mail in use, and the last admin (on the role). */
function useUserConflicts<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, hasRole: boolean) {
  const { t } = useTranslation();
  useEffect(() => {
    if (!(error instanceof ApiError)) return;
    for (const c of error.problem?.conflicts ?? []) {
      if (c.rule === 'unique' && c.field === 'email') setError('email' as Path<T>, { type: 'server', message: t('users.emailTaken') });
      if (c.rule === 'last-admin' && hasRole) setError('role' as Path<T>, { type: 'server', message: t('users.lastAdmin') });
    }
    // `t` changes only with the language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [error, setError, hasRole]);
}

// Create ----------------------------------------------------------------------------------

type CreateValues = z.input<typeof UserInputSchema>;
type CreateOutput = z.output<typeof UserInputSchema>;

export function CreateUserDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const create = useCreateUser();
  const roles = useRoleOptions();
  const { control, handleSubmit, setError } = useForm<CreateValues, unknown, CreateOutput>({
    resolver: zodResolver(UserInputSchema),
    defaultValues: { name: '', email: '', role: 'viewer', password: '' },
  });
  useServerErrors(create.error, setError, USER_FIELDS);
  useUserConflicts(create.error, setError, false);

  const submit = handleSubmit((input) =>
    create.mutate(input, {
      onSuccess: (created) => {
        onClose();
        // No undo: users are never deleted (the audit trail keeps its actors); disable instead.
        notify({ message: t('users.notify.created', { name: created.name }) });
      },
    }),
  );

  return (
    <FormDialog
      open
      onClose={onClose}
      title={t('users.create.title')}
      onSubmit={submit}
      submitLabel={t('users.create.submit')}
      pending={create.isPending}
      problem={<FormProblem error={create.error} fields={USER_FIELDS} />}
    >
      <FormTextField control={control} name="name" label={t('users.fields.name')} required autoFocus autoComplete="off" />
      <FormTextField control={control} name="email" type="email" label={t('users.fields.email')} required autoComplete="off" />
      <FormSelectField control={control} name="role" label={t('users.fields.role')} required options={roles} helperText={t('users.fields.roleHelp')} />
      <FormTextField
        control={control}
        name="password"
        type="password"
        label={t('users.fields.initialPassword')}
        helperText={t('users.fields.initialPasswordHelp')}
        required
        autoComplete="new-password"
      />
    </FormDialog>
  );
}

// Edit ------------------------------------------------------------------------------------

const EditSchema = UserInputSchema.pick({ name: true, email: true, role: true });
type EditValues = z.input<typeof EditSchema>;
type EditOutput = z.output<typeof EditSchema>;
const EDIT_FIELDS = ['name', 'email', 'role'] as const;

export function EditUserDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const patch = usePatchUser();
  const roles = useRoleOptions();
  const { control, handleSubmit, setError } = useForm<EditValues, unknown, EditOutput>({
    resolver: zodResolver(EditSchema),
    defaultValues: { name: user.name, email: user.email, role: user.role },
  });
  useServerErrors(patch.error, setError, EDIT_FIELDS);
  useUserConflicts(patch.error, setError, true);

  const submit = handleSubmit((input) =>
    patch.mutate(
      { user, patch: UserPatchSchema.parse(input) },
      {
        onSuccess: (saved) => {
          onClose();
          notify({
            message: t('users.notify.saved', { name: saved.name }),
            undo: async () => {
              await patchUser(saved, { name: user.name, email: user.email, role: user.role });
              await queryClient.invalidateQueries();
            },
          });
        },
      },
    ),
  );

  return (
    <FormDialog
      open
      onClose={onClose}
      title={t('users.edit.title', { name: user.name })}
      onSubmit={submit}
      submitLabel={t('form.save')}
      pending={patch.isPending}
      problem={<FormProblem error={patch.error} fields={EDIT_FIELDS} />}
    >
      <FormTextField control={control} name="name" label={t('users.fields.name')} required autoFocus autoComplete="off" />
      <FormTextField control={control} name="email" type="email" label={t('users.fields.email')} required autoComplete="off" />
      <FormSelectField control={control} name="role" label={t('users.fields.role')} required options={roles} helperText={t('users.fields.roleHelp')} />
    </FormDialog>
  );
}

// New password ----------------------------------------------------------------------------

const PasswordSchema = z
  .object({ password: NewPasswordSchema, repeat: z.string() })
  .refine((v) => v.password === v.repeat, { path: ['repeat'], message: 'password_mismatch' });
type PasswordValues = z.input<typeof PasswordSchema>;
const PASSWORD_FIELDS = ['password'] as const;

export function PasswordDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const patch = usePatchUser();
  const { control, handleSubmit, setError } = useForm<PasswordValues>({
    resolver: zodResolver(PasswordSchema),
    defaultValues: { password: '', repeat: '' },
  });
  useServerErrors(patch.error, setError, PASSWORD_FIELDS);

  const submit = handleSubmit(({ password }) =>
    patch.mutate(
      { user, patch: { password } },
      {
        onSuccess: (saved) => {
          onClose();
          notify({ message: t('users.notify.password', { name: saved.name }) });
        },
      },
    ),
  );

  return (
    <FormDialog
      open
      onClose={onClose}
      title={t('users.password.title', { name: user.name })}
      onSubmit={submit}
      submitLabel={t('users.password.submit')}
      pending={patch.isPending}
      problem={<FormProblem error={patch.error} fields={PASSWORD_FIELDS} />}
    >
      <FormTextField
        control={control}
        name="password"
        type="password"
        label={t('users.fields.newPassword')}
        helperText={t('users.password.help')}
        required
        autoFocus
        autoComplete="new-password"
      />
      <FormTextField control={control} name="repeat" type="password" label={t('users.fields.repeat')} required autoComplete="new-password" />
    </FormDialog>
  );
}

// Disable / enable --------------------------------------------------------------------------

export function DisableUserDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const patch = usePatchUser();
  const [disabling] = useState(!user.disabled);
  const texts = disabling
    ? { title: t('users.disable.title', { name: user.name }), body: t('users.disable.body', { name: user.name }), submit: t('users.disable.submit') }
    : { title: t('users.enable.title', { name: user.name }), body: t('users.enable.body', { name: user.name }), submit: t('users.enable.submit') };

  return (
    <ConfirmDialog
      open
      onClose={onClose}
      title={texts.title}
      body={texts.body}
      confirmLabel={texts.submit}
      pending={patch.isPending}
      onConfirm={() =>
        patch.mutate(
          { user, patch: { disabled: disabling } },
          {
            onSuccess: (saved) => {
              onClose();
              notify({
                message: t(disabling ? 'users.notify.disabled' : 'users.notify.enabled', { name: saved.name }),
                undo: async () => {
                  await patchUser(saved, { disabled: !disabling });
                  await queryClient.invalidateQueries();
                },
              });
            },
          },
        )
      }
      problem={<FormProblem error={patch.error} fields={[]} />}
    />
  );
}
