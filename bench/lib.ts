/**
 * Helpers of `npm run bench`: statistics, a production server in a child process over a
 * synthetic world, and the server's memory. See docs/decisions/015-benchmarks.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Statistics -------------------------------------------------------------------------------

export interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}

/** Median, min and max of the numbers that are numbers: a run without a value (NaN) is left out of all three, and of n. */
export function spread(values: number[]): Spread {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median =
    sorted.length === 0
      ? NaN
      : sorted.length % 2 === 1
        ? (sorted[Math.floor(mid)] as number)
        : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median: round(median), min: round(sorted[0] ?? NaN), max: round(sorted.at(-1) ?? NaN), n: sorted.length };
}

export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Wall time of fn in milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, performance.now() - started];
}

export const log = (message: string) => console.error(`[bench] ${message}`);

// Processes --------------------------------------------------------------------------------

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const TSX = ['node_modules/.bin/tsx'];

/** Environment of a child: PGlite in dataDir, or the PostgreSQL server at databaseUrl. */
function databaseEnv(db: Database): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  if (db.kind === 'postgres') env.DATABASE_URL = db.url;
  else env.DATA_DIR = db.dataDir;
  return env;
}

export type Database = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export function tempDataDir(label: string): Database & { kind: 'pglite' } {
  return { kind: 'pglite', dataDir: mkdtempSync(join(tmpdir(), `bench-${label}-`)) };
}

export function removeDatabase(db: Database) {
  if (db.kind === 'pglite') rmSync(db.dataDir, { recursive: true, force: true });
}

function run(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...TSX, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

/** `npm run seed:synthetic -- --people N` (the bulk path) into db; the wall time in ms. */
export async function seedSynthetic(db: Database, people: number, timeoutMs = 15 * 60_000): Promise<number> {
  const started = performance.now();
  const { code, stderr } = await run(['scripts/seed-synthetic.ts', '--people', String(people)], databaseEnv(db), timeoutMs);
  if (code !== 0) throw new Error(`seed:synthetic --people ${people} failed (exit ${code}): ${stderr.trim().split('\n').at(-1)}`);
  return performance.now() - started;
}

/** The bench servers' first admin (ROSTER_ADMIN_*; clearly fake). */
const BENCH_ADMIN = { email: 'bench-admin@roster.example', password: 'lilla elefant cykler hjem' };
/** The signed-in session cookie (name=value) per server URL; every measured request sends it. */
const sessionCookies = new Map<string, string>();

/** Headers that sign a request to this server in (the admin's session cookie). */
export function authHeaders(url: string): Record<string, string> {
  const cookie = sessionCookies.get(new URL(url).origin);
  return cookie ? { Cookie: cookie } : {};
}

/** The same cookie for a browser context (Playwright's addCookies). */
export function browserCookies(url: string): { name: string; value: string; url: string }[] {
  const origin = new URL(url).origin;
  const [name = '', value = ''] = (sessionCookies.get(origin) ?? '').split('=');
  return name ? [{ name, value, url: origin }] : [];
}

async function signIn(url: string): Promise<void> {
  const res = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(BENCH_ADMIN) });
  if (!res.ok) throw new Error(`Sign-in to the bench server failed: ${res.status}`);
  sessionCookies.set(url, (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '');
}

export interface RunningServer {
  url: string;
  pid: number;
  /** Wall time from spawn to /api/health answering, in ms. */
  startMs: number;
  stop(): Promise<void>;
}

/** The production server (`node node_modules/.bin/tsx server/main.ts`) over db, serving staticDir. */
export async function startServer(db: Database, staticDir: string): Promise<RunningServer> {
  const port = await freePort();
  const env = {
    ...databaseEnv(db),
    PORT: String(port),
    HOST: '127.0.0.1',
    STATIC_DIR: staticDir,
    ROSTER_ADMIN_EMAIL: BENCH_ADMIN.email,
    ROSTER_ADMIN_PASSWORD: BENCH_ADMIN.password,
  };
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [...TSX, 'server/main.ts'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}): ${stderr.trim()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 120_000) {
      child.kill('SIGKILL');
      throw new Error('The server did not answer within 120 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await signIn(url);
  return {
    url,
    pid: child.pid ?? -1,
    startMs: performance.now() - started,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resident memory (VmRSS) of a process and its descendants, in MiB (Linux /proc). */
export function rssMiB(pid: number): number {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    const p = pids[i] as number;
    try {
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        if (children) pids.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // gone, or not Linux
    }
  }
  let kib = 0;
  for (const p of pids) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) kib += Number(m[1]);
    } catch {
      // gone
    }
  }
  return round(kib / 1024, 0);
}
