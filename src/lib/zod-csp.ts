/**
 * The SPA's Content-Security-Policy allows no eval (server/http/security.ts: script-src
 * 'self'). zod probes `new Function` once, when the first object schema is made, to choose
 * its JIT parser; the blocked probe is caught, but the browser still reports a CSP violation
 * (Lighthouse's best-practices audit "inspector-issues"). `jitless` skips the probe and the
 * JIT. src/main.tsx imports this module first, so it runs before any schema is made.
 */
import { config } from 'zod';

config({ jitless: true });
