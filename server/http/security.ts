/**
 * Protections every response and every write get (issue #6, OWASP ASVS level 2), before
 * sign-in exists:
 *
 * - security headers on every response (the API's and the SPA's): a Content-Security-Policy
 *   without inline or foreign scripts (styles may be inline: MUI's emotion writes <style>
 *   tags), frame-ancestors 'none', nosniff, Referrer-Policy same-origin;
 * - `Cache-Control: no-store` on every API response (personal data stays out of caches);
 * - writes (POST, PUT, PATCH, DELETE) only from the app's own origin: a browser's `Origin` or
 *   `Sec-Fetch-Site` that names another site is refused with 403; clients that send neither
 *   (curl, scripts, tests) are not browsers, so no other site can act through them;
 * - a write with a body must send it as JSON (415 otherwise), so an HTML form or a
 *   `text/plain` request from another site can never reach a handler.
 *
 * GET never changes data (no route does), so reads need none of this.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { ProblemError } from './problem';

export const securityHeaders = (): MiddlewareHandler =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'same-origin',
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    crossOriginResourcePolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    // The app never needs these; say so.
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });

export const noStore = (): MiddlewareHandler => async (c, next) => {
  await next();
  c.res.headers.set('Cache-Control', 'no-store');
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

function forbidden(detail: string): ProblemError {
  return new ProblemError({ type: '/problems/cross-site', title: 'Forbidden', status: 403, detail });
}

export const sameOriginWrites = (): MiddlewareHandler => async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  const origin = c.req.header('Origin');
  const own = new URL(c.req.url).origin;
  if (origin !== undefined && origin !== own) {
    throw forbidden('Changes are only accepted from the app itself (the request came from another site).');
  }
  const site = c.req.header('Sec-Fetch-Site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    throw forbidden('Changes are only accepted from the app itself (the browser says the request is cross-site).');
  }
  const length = c.req.header('Content-Length');
  const hasBody = (length !== undefined && length !== '0') || c.req.header('Transfer-Encoding') !== undefined;
  const type = c.req.header('Content-Type');
  if ((hasBody || type !== undefined) && !(type && JSON_TYPE.test(type))) {
    throw new ProblemError({
      type: '/problems/unsupported-media-type',
      title: 'Unsupported Media Type',
      status: 415,
      detail: 'Send the request body as JSON (Content-Type: application/json).',
      errors: [{ field: 'Content-Type', code: 'json_required', message: 'The body must be JSON.' }],
    });
  }
  return next();
};
