/**
 * Starts the real server (server/main.ts) as a child process, for tests of persistence,
 * crash safety and start-up: one Node process (node --import tsx), so a test can kill it by
 * PID, serving a throwaway index.html and the API on a free port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningServer {
  base: string;
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM, and wait until it has exited. */
  stop(): Promise<void>;
  /** SIGKILL (kill -9): no chance to flush or close anything. */
  kill9(): Promise<void>;
}

/** A folder with an index.html for STATIC_DIR (the tests need no built SPA). */
export async function staticDir(): Promise<{ path: string; remove: () => Promise<void> }> {
  const dir = await tempDir('static');
  await writeFile(join(dir.path, 'index.html'), '<!doctype html><title>Alliance Roster (test)</title>');
  return dir;
}

export async function tempDir(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `alliance-roster-${prefix}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** The environment for the server or a db:* script: only the given settings, no DATABASE_URL unless given. */
/** The first admin the test servers create (ROSTER_ADMIN_*; clearly fake). */
export const TEST_ADMIN = { email: 'drift@roster.example', password: 'lilla elefant cykler hjem' };

export function serverEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, DATA_DIR: _dir, TEST_STORE: _store, ...rest } = process.env;
  return {
    ...rest,
    PORT: '0',
    HOST: '127.0.0.1',
    ROSTER_ADMIN_EMAIL: TEST_ADMIN.email,
    ROSTER_ADMIN_PASSWORD: TEST_ADMIN.password,
    ...settings,
  };
}

/** Signs in as TEST_ADMIN; returns the Cookie header to send with calls. */
export async function signIn(base: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(TEST_ADMIN),
  });
  if (res.status !== 200) throw new Error(`Sign-in failed: ${res.status}`);
  return { Cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
}

export function startServer(env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The server did not start in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /running at http:\/\/localhost:(\d+)\//.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({
          base: `http://127.0.0.1:${m[1]}`,
          child,
          output: () => output,
          async stop() {
            child.kill('SIGTERM');
            await exited;
          },
          async kill9() {
            child.kill('SIGKILL');
            await exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code}) before it started:\n${output}`));
    });
  });
}

/** Runs a db:* script (scripts/db.ts) to the end. */
export function runDbScript(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/db.ts', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

/** fetch + JSON for the API of a running server. */
export async function call<T = unknown>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T; etag: string | null }> {
  const res = await fetch(base + path, {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, etag: res.headers.get('etag') };
}
