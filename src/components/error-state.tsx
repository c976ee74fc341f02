import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-client';

/** A failed request says what failed and offers to try again: never a blank page. */
export function ErrorState({ title, error, onRetry }: { title: string; error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const reason =
    error instanceof ApiError
      ? error.isNetworkError
        ? t('problem.network')
        : error.status === 404
          ? t('problem.notFound')
          : error.status === 403
            ? t('problem.forbidden')
            : error.status >= 500
              ? t('problem.server')
              : (error.problem?.detail ?? error.message)
      : t('problem.server');
  return (
    <Alert
      severity="error"
      role="alert"
      action={
        onRetry && (
          <Button color="inherit" size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    >
      <strong>{title}</strong> {reason}
    </Alert>
  );
}
