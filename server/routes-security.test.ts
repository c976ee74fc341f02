import { describe, expect, it } from 'vitest';
import { expectProblem, fakePerson, snapshot, unchanged, useSeededBackend, type TestContext } from './test-helpers';

const ctx = useSeededBackend();

/** One request per kind of write the API has, each valid apart from what the test changes. */
function writes({ seed }: TestContext): { method: string; path: string; json: unknown; ifMatch?: boolean }[] {
  const person = seed.person('Peter Sørensen');
  const { membership } = seed.holding('Peter Sørensen');
  return [
    { method: 'POST', path: '/api/people', json: fakePerson() },
    { method: 'PATCH', path: `/api/people/${person.id}`, json: { notes: 'x' }, ifMatch: true },
    { method: 'DELETE', path: `/api/organizations/${seed.organizations[0]?.id}`, json: undefined, ifMatch: true },
    { method: 'POST', path: `/api/memberships/${membership.id}/end`, json: { endDate: '2019-12-31', endReason: 'x' }, ifMatch: true },
    { method: 'POST', path: `/api/terms/${seed.term.id}/renewal`, json: {} },
    { method: 'POST', path: '/api/import/preview', json: { format: 'text', content: '- A, B, C', termId: seed.term.id, bodyId: seed.council.id } },
  ];
}

async function send(c: TestContext, w: ReturnType<typeof writes>[number], headers: Record<string, string>, body?: BodyInit) {
  const version = w.ifMatch ? (await c.api.get(w.path)).headers.get('etag') : null;
  const res = await c.app.request(w.path, {
    method: w.method,
    body: body ?? (w.json === undefined ? undefined : JSON.stringify(w.json)),
    headers: { ...(version ? { 'If-Match': version } : {}), ...headers },
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text ? (JSON.parse(text) as unknown) : null };
}

describe('security headers', () => {
  it('every API answer carries them, errors included, and is never cached', async () => {
    const { api, seed } = ctx();
    for (const res of [await api.get('/api/people'), await api.get('/api/people/no-such-id'), await api.get('/api/nowhere'), await api.post('/api/terms', {}), await api.get(`/api/terms/${seed.term.id}`)]) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(csp.match(/script-src[^;]*/)?.[0]).not.toMatch(/unsafe/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });
});

describe('cross-site writes', () => {
  it('a write from another origin is refused with 403 and changes nothing', async () => {
    const c = ctx();
    for (const w of writes(c)) {
      const res = await unchanged(c.api, () => send(c, w, { 'Content-Type': 'application/json', Origin: 'https://evil.example' }));
      expect(res.status, `${w.method} ${w.path}: ${res.text}`).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });

  it('a browser that says the request is cross-site is refused, with or without Origin', async () => {
    const c = ctx();
    for (const site of ['cross-site', 'same-site']) {
      for (const w of writes(c)) {
        const res = await unchanged(c.api, () => send(c, w, { 'Content-Type': 'application/json', 'Sec-Fetch-Site': site }));
        expect(res.status, `${site} ${w.method} ${w.path}`).toBe(403);
      }
    }
  });

  it('text/plain, form and multipart bodies are refused with 415 and change nothing', async () => {
    const c = ctx();
    for (const w of writes(c).filter((x) => x.json !== undefined)) {
      const json = JSON.stringify(w.json);
      const plain = await unchanged(c.api, () => send(c, w, { 'Content-Type': 'text/plain' }, json));
      expect(plain.status, `${w.method} ${w.path}`).toBe(415);
      const form = await unchanged(c.api, () => send(c, w, {}, new URLSearchParams({ payload: json })));
      expect(form.status).toBe(415);
      const multipart = new FormData();
      multipart.set('payload', json);
      expect((await unchanged(c.api, () => send(c, w, {}, multipart))).status).toBe(415);
    }
  });

  it('the same write from the app itself goes through', async () => {
    const c = ctx();
    const before = await snapshot(c.api);
    const res = await send(c, writes(c)[0]!, {
      'Content-Type': 'application/json; charset=utf-8',
      Origin: 'http://localhost',
      'Sec-Fetch-Site': 'same-origin',
    });
    expect(res.status, res.text).toBe(201);
    expect((await snapshot(c.api)).people).toHaveLength(before.people.length + 1);
  });

  it('reads from anywhere change nothing and are answered', async () => {
    const c = ctx();
    const res = await c.app.request('/api/people', { headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' } });
    expect(res.status).toBe(200);
    // No CORS grant: another site's script cannot read the answer.
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('a refused write explains itself as a problem', async () => {
    const c = ctx();
    const problem = expectProblem(
      await c.api.send('POST', '/api/people', { json: fakePerson(), headers: { Origin: 'https://evil.example' } }),
      403,
    );
    expect(problem.detail).toMatch(/another site/);
  });
});
