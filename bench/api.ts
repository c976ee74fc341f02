/**
 * API load with autocannon (10 connections, BENCH_DURATION seconds each) and sequential
 * request timings for the scale comparison.
 */
import autocannon from 'autocannon';
import { authHeaders, spread, type Spread } from './lib';

export interface LoadResult {
  endpoint: string;
  connections: number;
  durationS: number;
  requests: number;
  reqPerSec: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Connection errors and timeouts plus answers that are not 2xx. */
  errors: number;
  non2xx: number;
}

function summarise(endpoint: string, r: autocannon.Result, connections: number, durationS: number): LoadResult {
  return {
    endpoint,
    connections,
    durationS,
    requests: r.requests.total,
    reqPerSec: Math.round(r.requests.average),
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors + r.timeouts + r.non2xx,
    non2xx: r.non2xx,
  };
}

/** GET path under load. */
export async function loadGet(url: string, path: string, { connections = 10, durationS = 10 } = {}): Promise<LoadResult> {
  const result = await autocannon({ url: url + path, connections, duration: durationS, headers: authHeaders(url) });
  return summarise(`GET ${path}`, result, connections, durationS);
}

/**
 * PATCH /api/people/:id with If-Match under load. Each connection edits its own person: its
 * ETag is read first with a GET, and every answer's ETag becomes the next request's If-Match
 * (autocannon's setupClient and the client's 'headers' event), so every PATCH names the
 * current version and none is stale.
 */
export async function loadPatch(url: string, personIds: string[], { connections = 10, durationS = 10 } = {}): Promise<LoadResult> {
  const etags: string[] = [];
  for (const id of personIds.slice(0, connections)) {
    const res = await fetch(`${url}/api/people/${id}`, { headers: authHeaders(url) });
    if (!res.ok) throw new Error(`GET /api/people/${id}: ${res.status}`);
    etags.push(res.headers.get('etag') ?? '');
  }
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration: durationS,
    setupClient(client) {
      const i = next++ % etags.length;
      const path = `/api/people/${personIds[i]}`;
      const body = JSON.stringify({ notes: `Benchmark edit (connection ${i}).` });
      const headers = (etag: string) => ({ 'content-type': 'application/json', 'if-match': etag, ...authHeaders(url) });
      client.setRequest({ method: 'PATCH', path, headers: headers(etags[i] ?? ''), body });
      // The parser's headers-complete object (its `headers` is the raw [name, value, ...] list),
      // whatever @types/autocannon says.
      client.on('headers', ((response: { headers?: string[] }) => {
        const raw = response.headers ?? [];
        for (let k = 0; k < raw.length; k += 2) {
          if (raw[k]?.toLowerCase() === 'etag' && raw[k + 1]) client.setHeaders(headers(raw[k + 1] as string));
        }
      }) as unknown as (headers: unknown) => void);
    },
  });
  return summarise('PATCH /api/people/:id (If-Match)', result, connections, durationS);
}

/** Median, min and max of `times` sequential GETs (after one warm-up), in ms, body read included. */
export async function sequentialTimings(url: string, path: string, times = 20): Promise<Spread> {
  const get = async () => {
    const res = await fetch(url + path, { headers: authHeaders(url) });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
    await res.arrayBuffer();
  };
  await get();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await get();
    samples.push(performance.now() - started);
  }
  return spread(samples);
}
