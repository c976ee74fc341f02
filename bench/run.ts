/**
 * `npm run bench`: the measured speed of Alliance Roster (issue 8), in one go. Writes
 * bench/results/<date>.json and bench/results/<date>.md and prints the Markdown table.
 * Method and reasons: docs/decisions/015-benchmarks.md.
 *
 *   npm run bench                     the full run (about 8 minutes on 2 cores)
 *   BENCH_QUICK=1 npm run bench       2 s load runs, 3 browser runs, no N=20000 (a smoke test)
 *   DATABASE_URL=postgres://... npm run bench
 *                                     also the API load on that PostgreSQL server; its
 *                                     database must be EMPTY (the synthetic world is loaded
 *                                     into it and left there)
 *
 * Other settings: BENCH_DURATION (seconds per load run, default 10), BENCH_RUNS (browser runs,
 * default 5), BENCH_SCALE (people counts for the scale table, default 200,2000,20000),
 * BENCH_SKIP (comma list of: bundle, api, browser, memory, lighthouse, scale), CHROMIUM_PATH.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureBundle } from '../scripts/bundle-size';
import { generateWorld, SYNTHETIC_TODAY } from '../server/seed/synthetic';
import { loadGet, loadPatch, sequentialTimings, type LoadResult } from './api';
import { heapAfterNavigations, interactionTimings, launch, type HeapResult, type InteractionResults } from './browser';
import { lighthouseScores, type LighthouseResult } from './lighthouse';
import { log, removeDatabase, rssMiB, seedSynthetic, startServer, tempDataDir, type Database, type Spread } from './lib';

const env = process.env;
const QUICK = env.BENCH_QUICK === '1';
const DURATION_S = Number(env.BENCH_DURATION ?? (QUICK ? 2 : 10));
const RUNS = Number(env.BENCH_RUNS ?? (QUICK ? 3 : 5));
const SCALE = (env.BENCH_SCALE ?? (QUICK ? '200,2000' : '200,2000,20000')).split(',').map(Number);
const SKIP = new Set((env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const MAIN_N = 2000;
const SEED = 1;
const CONNECTIONS = 10;
const CPU_THROTTLE = 4;

// Goals of issue 8.
const GOALS = {
  bundleRatio: 1.25,
  coldLoadMs: 1000,
  interactionMs: 100,
  apiReadP99Ms: 20,
  heapGrowthPct: 10,
};

// What to ask for, from the generated world (the bulk load keeps its ids) ---------------------

function worldFacts(people: number) {
  const world = generateWorld({ people, seed: SEED });
  // The most common start of a surname: a heavy, realistic search.
  const starts = new Map<string, number>();
  for (const p of world.people) {
    const last = (p.name.split(' ').at(-1) ?? '').toLowerCase();
    if (last.length >= 3) starts.set(last.slice(0, 3), (starts.get(last.slice(0, 3)) ?? 0) + 1);
  }
  const q3 = [...starts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'han';
  const perPerson = new Map<string, number>();
  for (const m of world.memberships) perPerson.set(m.personId, (perPerson.get(m.personId) ?? 0) + 1);
  const [personId, count] = [...perPerson.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? ['', 0];
  const person = world.people.find((p) => p.id === personId);
  return {
    q3,
    q2: q3.slice(0, 2),
    person: { id: personId, name: person?.name ?? '', memberships: count },
    patchIds: world.people.slice(0, CONNECTIONS).map((p) => p.id),
    // One date in each earlier term, mid-year: each change of date fetches a new roster.
    asOfDates: world.terms
      .slice(0, -1)
      .reverse()
      .map((t) => `${t.startDate.slice(0, 4)}-06-01`),
  };
}

// The run --------------------------------------------------------------------------------

interface Results {
  date: string;
  machine: { cpus: number; cpuModel: string; ramGiB: number; node: string; chromium: string; note: string };
  settings: { quick: boolean; durationS: number; connections: number; browserRuns: number; cpuThrottle: number; seed: number; mainPeople: number };
  bundle?: Awaited<ReturnType<typeof measureBundle>>;
  seeding: Record<string, { people: number; ms: number; database: string } | { people: number; skipped: string }>;
  api: Record<string, { database: string; people: number; search: string; results: LoadResult[] }>;
  serverRssMiB?: Record<string, number>;
  interactions?: InteractionResults & { people: number; person: { memberships: number }; search: string };
  heap?: HeapResult;
  lighthouse?: LighthouseResult & { path: string; runs: number };
  scale: Record<string, { people: number; roster?: Spread; peopleSearch?: Spread; skipped?: string }>;
  errors: string[];
}

function chromiumVersion(): string {
  try {
    return execFileSync(env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

async function step<T>(name: string, results: Results, fn: () => Promise<T>): Promise<T | undefined> {
  if (SKIP.has(name.split(':')[0] ?? name)) {
    log(`${name}: skipped (BENCH_SKIP)`);
    return undefined;
  }
  log(`${name}...`);
  try {
    return await fn();
  } catch (e) {
    const message = `${name}: ${e instanceof Error ? e.message : String(e)}`;
    log(`FAILED ${message}`);
    results.errors.push(message);
    return undefined;
  }
}

async function main() {
  const startedAt = performance.now();
  const date = new Date().toISOString().slice(0, 10);
  const results: Results = {
    date,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      ramGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
      node: process.version,
      chromium: chromiumVersion(),
      note: env.BENCH_MACHINE_NOTE ?? '',
    },
    settings: { quick: QUICK, durationS: DURATION_S, connections: CONNECTIONS, browserRuns: RUNS, cpuThrottle: CPU_THROTTLE, seed: SEED, mainPeople: MAIN_N },
    seeding: {},
    api: {},
    scale: {},
    errors: [],
  };

  // 1. Bundle: the app's first-load JS against the floor app, both built now.
  results.bundle = await step('bundle', results, () => measureBundle());

  // The production build the server serves.
  const staticDir = mkdtempSync(join(tmpdir(), 'bench-dist-'));
  log('vite build...');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', staticDir, '--emptyOutDir', '--logLevel', 'warn'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });

  const facts = worldFacts(MAIN_N);
  const seeded = async (db: Database, people: number, label: string) => {
    const ms = await seedSynthetic(db, people);
    results.seeding[label] = { people, ms: Math.round(ms), database: db.kind };
    log(`seeded N=${people} (${db.kind}) in ${(ms / 1000).toFixed(1)} s`);
  };
  const scaleOf = async (url: string, people: number, label: string) => {
    const f = people === MAIN_N ? facts : worldFacts(people);
    results.scale[label] = {
      people,
      roster: await sequentialTimings(url, '/api/roster'),
      peopleSearch: await sequentialTimings(url, `/api/people?q=${encodeURIComponent(f.q3)}&limit=50`),
    };
  };
  const apiLoad = async (url: string, database: string, pid: number) => {
    const search = `/api/people?q=${encodeURIComponent(facts.q3)}&limit=50`;
    const options = { connections: CONNECTIONS, durationS: DURATION_S };
    const loads = [await loadGet(url, '/api/roster', options), await loadGet(url, search, options), await loadPatch(url, facts.patchIds, options)];
    results.api[database] = { database, people: MAIN_N, search, results: loads };
    (results.serverRssMiB ??= {})[database] = rssMiB(pid);
  };

  // 2-5 on PGlite at N=2000: API load, server RSS, interactions, heap, scale.
  const main = tempDataDir('2000');
  let browser: Awaited<ReturnType<typeof launch>> | undefined;
  try {
    await seeded(main, MAIN_N, 'pglite-2000');
    const server = await startServer(main, staticDir);
    try {
      await step('api', results, () => apiLoad(server.url, 'pglite', server.pid));
      await step('browser', results, async () => {
        browser ??= await launch();
        const timings = await interactionTimings(browser, {
          url: server.url,
          runs: RUNS,
          cpuThrottle: CPU_THROTTLE,
          search: { q2: facts.q2, q3: facts.q3 },
          asOf: { start: SYNTHETIC_TODAY, dates: facts.asOfDates },
          person: facts.person,
        });
        results.interactions = { ...timings, people: MAIN_N, person: { memberships: facts.person.memberships }, search: `${facts.q2} -> ${facts.q3}` };
      });
      await step('memory', results, async () => {
        browser ??= await launch();
        results.heap = await heapAfterNavigations(browser, server.url);
      });
      await step('lighthouse', results, async () => {
        const runs = QUICK ? 1 : 3;
        results.lighthouse = { ...(await lighthouseScores(`${server.url}/roster`, runs)), path: '/roster', runs };
      });
      if (SCALE.includes(MAIN_N)) await step(`scale:${MAIN_N}`, results, () => scaleOf(server.url, MAIN_N, `pglite-${MAIN_N}`));
    } finally {
      await server.stop();
    }
  } finally {
    await browser?.close();
    removeDatabase(main);
  }

  // 4. Scale: the other sizes, each in its own fresh database.
  for (const people of SCALE.filter((n) => n !== MAIN_N)) {
    if (SKIP.has('scale')) break;
    const db = tempDataDir(String(people));
    try {
      await step(`scale:${people}`, results, async () => {
        await seeded(db, people, `pglite-${people}`);
        const server = await startServer(db, staticDir);
        try {
          await scaleOf(server.url, people, `pglite-${people}`);
        } finally {
          await server.stop();
        }
      });
    } finally {
      removeDatabase(db);
    }
  }
  if (QUICK && !SCALE.includes(20000)) results.scale['pglite-20000'] = { people: 20000, skipped: 'BENCH_QUICK' };

  // 2. on a PostgreSQL server, when one is named.
  if (env.DATABASE_URL) {
    const pg: Database = { kind: 'postgres', url: env.DATABASE_URL };
    await step('api:postgres', results, async () => {
      await seeded(pg, MAIN_N, 'postgres-2000');
      const server = await startServer(pg, staticDir);
      try {
        await apiLoad(server.url, 'postgres', server.pid);
        if (!SKIP.has('scale')) await scaleOf(server.url, MAIN_N, `postgres-${MAIN_N}`);
      } finally {
        await server.stop();
      }
    });
  }
  rmSync(staticDir, { recursive: true, force: true });

  const markdown = renderMarkdown(results, Math.round((performance.now() - startedAt) / 1000));
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/${date}.json`, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(`bench/results/${date}.md`, markdown);
  console.log(markdown);
  log(`wrote bench/results/${date}.json and .md`);
  if (results.errors.length) process.exitCode = 1;
}

// The table ------------------------------------------------------------------------------

type Row = [metric: string, median: string, min: string, max: string, goal: string, met: string];

const ms = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '-' : `${x} ms`);
const yesNo = (ok: boolean | undefined) => (ok === undefined ? '-' : ok ? 'yes' : '**no**');

function renderMarkdown(r: Results, seconds: number): string {
  const rows: Row[] = [];
  if (r.bundle) {
    const b = r.bundle;
    rows.push([`First-load JS, roster page (gzip; floor app ${b.floorKiB} KiB)`, `${b.appKiB} KiB`, '-', '-', `<= ${GOALS.bundleRatio} x floor`, '-']);
    rows.push(['First-load JS / floor', `${b.ratio} x`, '-', '-', `<= ${GOALS.bundleRatio}`, yesNo(b.ratio <= GOALS.bundleRatio)]);
  }
  for (const [db, a] of Object.entries(r.api)) {
    for (const l of a.results) {
      const read = l.endpoint.startsWith('GET');
      // The p99 goal is set for PostgreSQL; on PGlite it is shown for comparison.
      const goal = read ? `p99 <= ${GOALS.apiReadP99Ms} ms${db === 'postgres' ? '' : ' (on PostgreSQL)'}, 0 errors` : '0 errors';
      const met = read && db === 'postgres' ? l.p99 <= GOALS.apiReadP99Ms && l.errors === 0 : l.errors === 0;
      rows.push([
        `API ${db} N=${a.people}: ${l.endpoint} (${l.connections} connections, ${l.durationS} s): ${l.reqPerSec} req/s, ${l.errors} errors`,
        `p50 ${ms(l.p50)}, p99 ${ms(l.p99)}`,
        '-',
        ms(l.max),
        goal,
        yesNo(met),
      ]);
    }
  }
  for (const [db, rss] of Object.entries(r.serverRssMiB ?? {})) rows.push([`Server RSS after the API run (${db})`, `${rss} MiB`, '-', '-', '-', '-']);
  if (r.interactions) {
    const i = r.interactions;
    const t = (label: string, s: InteractionResults[keyof InteractionResults], goal: number) =>
      rows.push([`${label} (settled ${s.settled.median} ms)`, ms(s.median), ms(s.min), ms(s.max), `<= ${goal} ms`, yesNo(s.median <= goal)]);
    t(`Cold load of /roster to rows painted (CPU ${CPU_THROTTLE}x slower, N=${i.people})`, i.coldLoadRoster, GOALS.coldLoadMs);
    t(`People search, one more letter (${i.search}) to list updated`, i.searchOneMoreLetter, GOALS.interactionMs);
    t('Roster as-of date changed to table updated', i.changeAsOf, GOALS.interactionMs);
    t(`Open the person with the most memberships (${i.person.memberships})`, i.openPerson, GOALS.interactionMs);
  }
  if (r.heap) {
    const h = r.heap;
    rows.push([
      `Browser JS heap after ${h.many} navigations vs after ${h.few} (${h.afterFewMiB} -> ${h.afterManyMiB} MiB)`,
      `${h.growthPct} %`,
      '-',
      '-',
      `<= ${GOALS.heapGrowthPct} %`,
      yesNo(h.growthPct <= GOALS.heapGrowthPct),
    ]);
  }
  if (r.lighthouse) {
    const l = r.lighthouse;
    const goals: Record<string, [string, number]> = {
      'desktop performance': ['>= 98', 98],
      'mobile performance': ['>= 90', 90],
      accessibility: ['100', 100],
      'best-practices': ['100', 100],
    };
    for (const preset of ['desktop', 'mobile'] as const) {
      for (const c of ['performance', 'accessibility', 'best-practices'] as const) {
        const s = l[preset][c];
        const [goal, min] = goals[c === 'performance' ? `${preset} performance` : c] ?? ['-', 0];
        const ids = l[preset].failing[c] ?? [];
        const failing = ids.length ? `; failing: ${ids.join(', ')}` : '';
        rows.push([`Lighthouse ${preset} ${c} (${l.path}, N=${MAIN_N}, median of ${s.n === l.runs ? l.runs : `${s.n}; ${l.runs - s.n} of ${l.runs} runs gave no score`}${failing})`, String(s.median), String(s.min), String(s.max), goal, yesNo(s.median >= min)]);
      }
    }
  }
  for (const [label, s] of Object.entries(r.scale)) {
    const db = label.split('-')[0];
    if (s.skipped) {
      rows.push([`Scale ${db} N=${s.people}`, `skipped: ${s.skipped}`, '-', '-', '-', '-']);
      continue;
    }
    if (s.roster) rows.push([`Scale ${db} N=${s.people}: GET /api/roster (20 sequential)`, ms(s.roster.median), ms(s.roster.min), ms(s.roster.max), 'flat with N', '-']);
    if (s.peopleSearch) {
      rows.push([`Scale ${db} N=${s.people}: GET /api/people?q=&limit=50 (20 sequential)`, ms(s.peopleSearch.median), ms(s.peopleSearch.min), ms(s.peopleSearch.max), '-', '-']);
    }
  }
  for (const s of Object.values(r.seeding)) {
    if ('ms' in s) rows.push([`Loading the synthetic world N=${s.people} (${s.database}, seed:synthetic bulk)`, `${(s.ms / 1000).toFixed(1)} s`, '-', '-', '-', '-']);
  }
  const m = r.machine;
  const lines = [
    `Benchmarks of ${r.date} (\`npm run bench\`${r.settings.quick ? ', BENCH_QUICK' : ''}, ${seconds} s): ${m.cpus} CPUs (${m.cpuModel}), ${m.ramGiB} GiB RAM, Node ${m.node}, ${m.chromium}${m.note ? `; ${m.note}` : ''}.`,
    '',
    '| metric | median | min | max | goal | met? |',
    '|---|---|---|---|---|---|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    'API rows: latency percentiles over all requests of the load run (autocannon); max is the slowest request.',
  ];
  if (r.errors.length) lines.push('', 'Failed steps:', ...r.errors.map((e) => `- ${e}`));
  return `${lines.join('\n')}\n`;
}

if (process.argv.includes('--render')) {
  // Re-render a stored result: tsx bench/run.ts --render bench/results/<date>.json
  const file = process.argv[process.argv.indexOf('--render') + 1] ?? '';
  console.log(renderMarkdown(JSON.parse(readFileSync(file, 'utf8')) as Results, 0));
} else {
  await main();
}
