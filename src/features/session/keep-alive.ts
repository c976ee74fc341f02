/**
 * Keeps the session of someone who is working alive (issue 6): the server ends a session
 * after 30 minutes without a request, but typing a long note or reading a page sends none.
 * While the user types, clicks or touches, the SPA asks the server who is signed in at most
 * every KEEP_ALIVE_MS (which counts as a request); an idle user is still signed out on time.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { sessionQueries, useSession } from '../../lib/session';

/** Well inside the 30-minute idle timeout. */
export const KEEP_ALIVE_MS = 5 * 60_000;
const ACTIVITY = ['keydown', 'pointerdown', 'touchstart'] as const;

export function useSessionKeepAlive(): void {
  const queryClient = useQueryClient();
  const signedIn = useSession() !== null;
  useEffect(() => {
    if (!signedIn) return;
    let lastPing = Date.now();
    const onActivity = () => {
      if (Date.now() - lastPing < KEEP_ALIVE_MS) return;
      lastPing = Date.now();
      // A 401 here means the session ended anyway: the app's 401 handling takes over.
      void queryClient.refetchQueries({ queryKey: sessionQueries.current().queryKey });
    };
    for (const type of ACTIVITY) window.addEventListener(type, onActivity, { passive: true, capture: true });
    return () => {
      for (const type of ACTIVITY) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [queryClient, signedIn]);
}
