/**
 * Security events (ASVS V7): sign-ins, failed and throttled sign-ins, sign-outs, refused
 * requests, first-admin setup and user changes. Logged with user ids, routes (patterns, not
 * URLs) and reasons: never a password, an e-mail, a name, a session id or a setup token.
 */
export interface SecurityEvent {
  event:
    | 'sign-in'
    | 'sign-in-failed'
    | 'sign-in-throttled'
    | 'sign-out'
    | 'refused'
    | 'setup'
    | 'setup-refused'
    | 'user-created'
    | 'user-changed';
  userId?: string;
  status?: number;
  reason?: string;
  method?: string;
  /** The route pattern, e.g. "POST /api/people/:id/erase". */
  route?: string;
}

export type SecurityLog = (event: SecurityEvent) => void;

/** One JSON line per event on stdout, with the time. */
export const consoleSecurityLog: SecurityLog = (event) => {
  console.info(JSON.stringify({ at: new Date().toISOString(), security: event.event, ...event, event: undefined }));
};
