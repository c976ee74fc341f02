/**
 * Who is making a request, for the audit trail. Until sign-in exists (issue 6) every API
 * caller is 'anonymous'; sign-in will set the user on the Hono context and this reads it.
 */
import type { Context } from 'hono';

export const ANONYMOUS_ACTOR = 'anonymous';

export function actorOf(c: Context): string {
  const actor: unknown = c.get('actor' as never);
  return typeof actor === 'string' && actor !== '' ? actor : ANONYMOUS_ACTOR;
}
