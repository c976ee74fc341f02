/**
 * Bad input, generated (issue 6): every write route of the API gets arbitrary JSON and
 * plausible-looking records with arbitrary values, at real and made-up ids. It must never
 * answer 5xx, and a 4xx must change nothing (no audit event, no user changed). It runs as a
 * signed-in admin (TEST_AUTH), so what is refused is refused for the input, not for access.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useSeededBackend } from './test-helpers';

/** Field names the API's inputs use, so generated objects get past the first checks now and then. */
const FIELDS = [
  'label', 'startDate', 'endDate', 'name', 'kind', 'parentId', 'purpose', 'sector', 'otherNames', 'email', 'phone', 'notes',
  'termId', 'bodyId', 'nominatingOrganizationId', 'reservedSector', 'previousSeatId', 'seatId', 'personId', 'organizationId',
  'role', 'title', 'endReason', 'effectiveDate', 'decision', 'status', 'nomineeId', 'vacantSeatIds', 'items', 'text', 'format',
  'password', 'token', 'disabled', 'mapping', 'rows',
];

const value = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('', ' ', '2019-06-01', '2019-02-30', '9999-12-31', 'chair', 'member', 'business', 'council', '<img src=x onerror=alert(1)>', 'Ø'.repeat(300)),
  fc.string({ maxLength: 40 }),
  fc.integer(),
);
const body = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 8 }));

describe('every write route, fuzzed', () => {
  const ctx = useSeededBackend();

  it('never answers 5xx, and changes nothing when it answers 4xx', async () => {
    const { app, seed, store } = ctx();
    const routes = [...new Set(app.routes.filter((r) => !['ALL', 'GET'].includes(r.method)).map((r) => `${r.method} ${r.path}`))];
    expect(routes.length).toBeGreaterThan(30);
    const ids = [seed.term.id, seed.council.id, seed.people[0]!.id, seed.seats[0]!.id, seed.memberships[0]!.id, 'no-such-id', '%20', 'x'.repeat(70)];
    const state = async () => JSON.stringify([(await store.audit.list({ limit: 1 })).total, await store.accounts.listUsers()]);

    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(body, fc.constantFrom(...ids), fc.option(fc.constantFrom('"1"', '"2"', '*', 'garbage')), async (json, id, ifMatch) => {
          const [method = 'POST', pattern = ''] = route.split(' ');
          const path = pattern.replace(/:id/g, encodeURIComponent(id));
          const before = await state();
          const res = await app.request(path, {
            method,
            body: JSON.stringify(json),
            headers: { 'Content-Type': 'application/json', ...(ifMatch ? { 'If-Match': ifMatch } : {}) },
          });
          const text = await res.text();
          expect(res.status, `${route} ${text.slice(0, 300)}`).toBeLessThan(500);
          if (res.status >= 400) expect(await state(), `${route} answered ${res.status} but changed data`).toBe(before);
        }),
        { numRuns: 12, seed: 20261127 },
      );
    }
  }, 240_000);

});
