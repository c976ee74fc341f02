/**
 * Messages after a write, with a real undo: the undo sends the inverse change to the server
 * (nothing is held back, so closing the tab loses nothing). One message at a time; it stays
 * while the pointer or keyboard focus is on it, so the undo button can be reached calmly.
 */
import Alert from '@mui/material/Alert';
import CloseIcon from '@mui/icons-material/Close';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Snackbar from '@mui/material/Snackbar';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-client';

export interface Notice {
  message: string;
  severity?: 'success' | 'info' | 'error';
  /** Sends the inverse change; the notice then says whether it worked. */
  undo?: () => Promise<unknown>;
}

type Notify = (notice: Notice) => void;
const NotifyContext = createContext<Notify | null>(null);

export function useNotify(): Notify {
  const notify = useContext(NotifyContext);
  if (!notify) throw new Error('useNotify needs a NotificationProvider above it');
  return notify;
}

export function NotificationProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState<(Notice & { key: number }) | null>(null);
  const [undoing, setUndoing] = useState(false);
  const notify = useCallback<Notify>((notice) => setCurrent({ ...notice, key: Date.now() }), []);
  const close = () => setCurrent(null);

  const undo = async () => {
    if (!current?.undo) return;
    setUndoing(true);
    try {
      await current.undo();
      notify({ message: t('notify.undone'), severity: 'info' });
    } catch (error) {
      const reason = error instanceof ApiError ? (error.problem?.detail ?? error.message) : t('problem.server');
      notify({ message: t('notify.undoFailed', { reason }), severity: 'error' });
    } finally {
      setUndoing(false);
    }
  };

  const value = useMemo(() => notify, [notify]);
  return (
    <NotifyContext.Provider value={value}>
      {children}
      <Snackbar
        key={current?.key}
        open={current !== null}
        onClose={(_e, reason) => {
          if (reason !== 'clickaway') close();
        }}
        autoHideDuration={current?.undo ? 15_000 : 6_000}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
        sx={{ displayPrint: 'none' }}
      >
        <Alert
          severity={current?.severity ?? 'success'}
          variant="filled"
          action={
            <>
              {current?.undo && (
                <Button color="inherit" size="small" onClick={() => void undo()} disabled={undoing}>
                  {t('notify.undo')}
                </Button>
              )}
              <IconButton color="inherit" size="small" aria-label={t('notify.close')} onClick={close}>
                <CloseIcon fontSize="small" />
              </IconButton>
            </>
          }
          sx={{ alignItems: 'center' }}
        >
          {current?.message}
        </Alert>
      </Snackbar>
    </NotifyContext.Provider>
  );
}
