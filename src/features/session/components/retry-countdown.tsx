/**
 * "Prøv igen om 42 sekunder" after too many attempts (429 Retry-After), counting down. The
 * alert is announced once when it appears; the ticking number is not re-announced every
 * second (aria-live off), and when the wait is over the text says so.
 */
import Alert from '@mui/material/Alert';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Seconds left of a wait that began when `error` arrived (0 when there is none, or it is over). */
export function useCountdown(seconds: number | null, error: unknown): number {
  const [elapsed, setElapsed] = useState<{ error: unknown; seconds: number }>({ error, seconds: 0 });
  // A new refusal starts a new wait (state adjusted while rendering, as React recommends).
  if (elapsed.error !== error) setElapsed({ error, seconds: 0 });
  const left = seconds === null ? 0 : Math.max(0, seconds - (elapsed.error === error ? elapsed.seconds : 0));
  const running = left > 0;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setElapsed((e) => ({ ...e, seconds: e.seconds + 1 })), 1000);
    return () => clearInterval(timer);
  }, [running, error]);
  return left;
}

export function RetryCountdown({ left }: { left: number }) {
  const { t } = useTranslation();
  const wait =
    left >= 60 ? t('session.signIn.waitMinutes', { count: Math.ceil(left / 60) }) : t('session.signIn.waitSeconds', { count: left });
  return (
    <Alert severity="warning" role="alert">
      {t('session.signIn.tooMany')}{' '}
      <span aria-live="off">{left > 0 ? wait : t('session.signIn.tryAgainNow')}</span>
    </Alert>
  );
}
