import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link, useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../components/error-state';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
      <Typography variant="h1">{t('app.notFound.title')}</Typography>
      <Typography>{t('app.notFound.body')}</Typography>
      <Button component={Link} to="/roster" variant="contained">
        {t('app.notFound.home')}
      </Button>
    </Stack>
  );
}

export function RouteError({ error }: ErrorComponentProps) {
  const { t } = useTranslation();
  const router = useRouter();
  return <ErrorState title={t('app.routeError')} error={error} onRetry={() => void router.invalidate()} />;
}
