/**
 * /setup#token=…: the first run. The server prints this link at its first start when no
 * admin exists; the token is in the hash, so it never reaches a log or a Referer. The
 * visitor creates the first admin (name, e-mail, password twice) and is signed in.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useRouter, useRouterState } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorState } from '../../../components/error-state';
import { FormTextField } from '../../../components/form/form-fields';
import { FormProblem, useServerErrors } from '../../../components/form/form-problem';
import { SetupInputSchema } from '../../../domain/auth';
import { ApiError } from '../../../lib/api-client';
import { setupQueries, useSetup } from '../api/session-api';
import { PublicCard } from './public-card';

/** The form: the API's input without the token (it comes from the link), plus the repeat. */
const SetupFormSchema = SetupInputSchema.omit({ token: true })
  .extend({ repeat: z.string() })
  .refine((v) => v.password === v.repeat, { path: ['repeat'], message: 'password_mismatch' });
type Values = z.input<typeof SetupFormSchema>;
type Output = z.output<typeof SetupFormSchema>;
const FIELDS = ['name', 'email', 'password'] as const;

const problemType = (error: unknown) => (error instanceof ApiError ? error.problem?.type : undefined);

export function SetupPage() {
  const { t } = useTranslation();
  const hash = useRouterState({ select: (s) => s.location.hash });
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
  const status = useQuery(setupQueries.status());
  const setup = useSetup();
  const done = status.data?.required === false || problemType(setup.error) === '/problems/setup-done';

  let body;
  if (status.isPending) body = <Skeleton variant="rounded" height={240} aria-label={t('common.loading')} />;
  else if (status.isError) body = <ErrorState title={t('session.setup.loadError')} error={status.error} onRetry={() => void status.refetch()} />;
  else if (done) body = <SetupDone />;
  else if (!token) body = <Alert severity="warning">{t('session.setup.noToken')}</Alert>;
  else body = <SetupForm token={token} setup={setup} />;

  return (
    <PublicCard title={t('session.setup.title')} intro={done ? undefined : t('session.setup.intro')}>
      {body}
    </PublicCard>
  );
}

function SetupDone() {
  const { t } = useTranslation();
  return (
    <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
      <Alert severity="info" sx={{ alignSelf: 'stretch' }}>
        {t('session.setup.done')}
      </Alert>
      <Button component={RouterLink} to="/sign-in" variant="contained">
        {t('session.setup.toSignIn')}
      </Button>
    </Stack>
  );
}

function SetupForm({ token, setup }: { token: string; setup: ReturnType<typeof useSetup> }) {
  const { t } = useTranslation();
  const router = useRouter();
  const { control, handleSubmit, setError } = useForm<Values, unknown, Output>({
    resolver: zodResolver(SetupFormSchema),
    defaultValues: { name: '', email: '', password: '', repeat: '' },
  });
  useServerErrors(setup.error, setError, FIELDS);
  const invalidToken = problemType(setup.error) === '/problems/invalid-setup-token';

  const submit = handleSubmit(({ repeat: _repeat, ...input }) =>
    setup.mutate({ ...input, token }, { onSuccess: () => void router.navigate({ to: '/', replace: true }) }),
  );

  return (
    <Stack component="form" noValidate spacing={2.5} onSubmit={submit}>
      <FormTextField control={control} name="name" label={t('session.fields.name')} autoComplete="name" required autoFocus />
      <FormTextField control={control} name="email" type="email" label={t('session.fields.email')} autoComplete="username" required />
      <FormTextField
        control={control}
        name="password"
        type="password"
        label={t('session.fields.newPassword')}
        helperText={t('session.fields.passwordHelp')}
        autoComplete="new-password"
        required
      />
      <FormTextField control={control} name="repeat" type="password" label={t('session.fields.repeat')} autoComplete="new-password" required />
      {invalidToken ? (
        <Alert severity="error" role="alert">
          {t('session.setup.invalidToken')}
        </Alert>
      ) : (
        <FormProblem error={setup.error} fields={FIELDS} />
      )}
      <Button type="submit" variant="contained" size="large" loading={setup.isPending}>
        {t('session.setup.submit')}
      </Button>
    </Stack>
  );
}
