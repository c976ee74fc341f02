/**
 * /sign-in: e-mail and password. A refusal never says which of the two was wrong; after too
 * many attempts the server asks to wait (429 Retry-After) and the page counts down. On success
 * the app opens where the user was sent from (`redirect`, only a path inside the app).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { FormTextField } from '../../../components/form/form-fields';
import { useServerErrors } from '../../../components/form/form-problem';
import { SignInInputSchema } from '../../../domain/auth';
import { ApiError } from '../../../lib/api-client';
import { safeRedirect } from '../../../lib/session';
import { retryAfterSeconds, setupQueries, useSignIn } from '../api/session-api';
import { PublicCard } from './public-card';
import { RetryCountdown, useCountdown } from './retry-countdown';

const route = getRouteApi('/sign-in');
const FIELDS = ['email', 'password'] as const;

type Values = z.input<typeof SignInInputSchema>;
type Output = z.output<typeof SignInInputSchema>;

export function SignInPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const router = useRouter();
  const setup = useQuery(setupQueries.status());
  const signIn = useSignIn();
  const passwordId = useId();
  const { control, handleSubmit, setError, resetField } = useForm<Values, unknown, Output>({
    resolver: zodResolver(SignInInputSchema),
    defaultValues: { email: '', password: '' },
  });
  useServerErrors(signIn.error, setError, FIELDS);
  const wait = retryAfterSeconds(signIn.error);
  const left = useCountdown(wait, signIn.error);

  const submit = handleSubmit((input) =>
    signIn.mutate(input, {
      onSuccess: () => void router.navigate({ href: safeRedirect(search.redirect), replace: true }),
      onError: (error) => {
        if (error instanceof ApiError && error.status === 401) {
          // Keep the e-mail; ask for the password again.
          resetField('password');
          document.getElementById(passwordId)?.focus();
        }
      },
    }),
  );

  return (
    <PublicCard title={t('session.signIn.title')} intro={t('session.signIn.intro')}>
      {setup.data?.required && (
        <Alert severity="info" role="note">
          {t('session.signIn.setupRequired')}
        </Alert>
      )}
      {search.redirect !== undefined && !signIn.error && (
        <Alert severity="info" role="status">
          {t('session.signIn.signedOut')}
        </Alert>
      )}
      <Stack component="form" noValidate spacing={2.5} onSubmit={submit}>
        <FormTextField
          control={control}
          name="email"
          type="email"
          label={t('session.fields.email')}
          autoComplete="username"
          required
          autoFocus
        />
        <FormTextField
          control={control}
          name="password"
          type="password"
          label={t('session.fields.password')}
          autoComplete="current-password"
          required
          id={passwordId}
        />
        {wait !== null ? <RetryCountdown left={left} /> : <SignInProblem error={signIn.error} />}
        <Button type="submit" variant="contained" size="large" loading={signIn.isPending} disabled={left > 0}>
          {t('session.signIn.submit')}
        </Button>
      </Stack>
    </PublicCard>
  );
}

function SignInProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error || !(error instanceof ApiError) || error.status === 400) return null;
  const message =
    error.status === 401
      ? t('session.signIn.invalid')
      : error.isNetworkError
        ? t('problem.network')
        : t('problem.server');
  return (
    <Alert severity="error" role="alert">
      {message}
    </Alert>
  );
}
