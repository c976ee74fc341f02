/**
 * Fills an EMPTY database with a clearly fake council world (server/seed/synthetic.ts,
 * docs/decisions/007-synthetic-world.md), for load tests, benchmarks and demos:
 *
 *   npm run seed:synthetic -- --people 2000 [--seed 1]      the database the settings name:
 *                                                          PGlite in DATA_DIR (default ./data),
 *                                                          or the PostgreSQL server at DATABASE_URL
 *   npm run seed:synthetic -- --people 2000 --store memory  a dry run: generates and loads into
 *                                                          a memory store, prints the counts
 *
 * The same --people and --seed give the same world. A database with any data in it is refused.
 * By default the world is loaded in bulk (loadWorldBulk: Store.importAll, one transaction, the
 * generated ids kept, one audit event per record; N=2000 in seconds). With --batch B the
 * records go through the Store one by one instead, B per transaction (the path the API takes;
 * about a thousand records a second on PGlite); a failed run then leaves the batches written
 * so far, so start again with an empty database. Stop the server first when it uses PGlite
 * (one process per data folder). Prints counts, never names.
 */
import { parseArgs } from 'node:util';
import { readEnv } from '../server/env';
import { countWorld, generateWorld, loadWorld, loadWorldBulk, LOAD_ORDER, MAX_PEOPLE, type WorldCounts } from '../server/seed/synthetic';
import { createMemoryStore } from '../server/store/memory-store';
import { DatabaseAheadError } from '../server/store/migrate';
import { openConfiguredStore } from '../server/store/open';
import type { Store } from '../server/store/store';

const USAGE = `Usage: npm run seed:synthetic -- --people N [--seed S] [--store memory] [--batch B]
  --people N      how many people (20 to ${MAX_PEOPLE}); the rest scales with it (about 10 N memberships)
  --seed S        PRNG seed, 0 to 4294967295 (default 1): the same seed gives the same world
  --store memory  dry run in a memory store; otherwise the database of DATA_DIR / DATABASE_URL
  --batch B       write record by record through the Store, B per transaction
                  (default: one bulk import of the whole world)`;

class UsageError extends Error {}

function wholeNumber(value: string | undefined, name: string, min: number, max: number, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required.`);
    return fallback;
  }
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}.`);
  return n;
}

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      people: { type: 'string' },
      seed: { type: 'string' },
      store: { type: 'string' },
      batch: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return undefined;
  if (values.store !== undefined && values.store !== 'memory') {
    throw new UsageError('--store takes only "memory"; without it the database of DATA_DIR or DATABASE_URL is used.');
  }
  return {
    people: wholeNumber(values.people, 'people', 20, MAX_PEOPLE),
    seed: wholeNumber(values.seed, 'seed', 0, 0xffff_ffff, 1),
    memory: values.store === 'memory',
    batch: values.batch === undefined ? undefined : wholeNumber(values.batch, 'batch', 1, 1_000_000),
  };
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const format = (counts: WorldCounts) => LOAD_ORDER.map((n) => `${counts[n]} ${n}`).join(', ');

async function storedCounts(store: Store): Promise<WorldCounts> {
  const lists = await Promise.all(LOAD_ORDER.map((n) => store[n].list()));
  return Object.fromEntries(LOAD_ORDER.map((n, i) => [n, lists[i]?.length ?? 0])) as WorldCounts;
}

function progress(label: string) {
  let lastTenth = -1;
  return (written: number, total: number) => {
    const tenth = Math.floor((written / total) * 10);
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    console.error(`  ${label}: ${written} of ${total} records (${tenth * 10} %)`);
  };
}

async function main(argv: string[]): Promise<number> {
  const options = parse(argv);
  if (!options) {
    console.log(USAGE);
    return 0;
  }
  let started = performance.now();
  const world = generateWorld({ people: options.people, seed: options.seed });
  console.error(`Generated (seed ${options.seed}) in ${seconds(started)}: ${format(countWorld(world))}.`);

  if (options.memory) {
    const store = createMemoryStore();
    started = performance.now();
    // One transaction: the memory store snapshots itself per transaction, so batches only cost time here.
    await loadWorld(store, world, { batchSize: Infinity });
    console.error(`Dry run: loaded into a memory store in ${seconds(started)}: ${format(await storedCounts(store))}.`);
    return 0;
  }

  const { store, description } = await openConfiguredStore(readEnv());
  try {
    if (!(await store.isEmpty())) {
      console.error(
        `${description} already holds data: seed:synthetic fills only an empty database ` +
          '(point DATA_DIR at a new folder, or DATABASE_URL at an empty database). Nothing was written.',
      );
      return 1;
    }
    started = performance.now();
    if (options.batch === undefined) {
      console.error('Writing in bulk (one transaction)...');
      await loadWorldBulk(store, world);
    } else {
      await loadWorld(store, world, { batchSize: options.batch, onProgress: progress('Writing') });
    }
    console.error(`Loaded into ${description} in ${seconds(started)}: ${format(await storedCounts(store))}.`);
    return 0;
  } finally {
    await store.close();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
    console.error(`${e.message}\n${USAGE}`);
    process.exitCode = 2;
  } else if (e instanceof DatabaseAheadError || e instanceof RangeError) {
    console.error(e.message);
    process.exitCode = 1;
  } else {
    // No record contents in the output: the error's name and code only (a failed batch is rolled back).
    console.error(`Failed: ${e instanceof Error ? e.name : 'error'}${e instanceof Error && 'code' in e ? ` (${String(e.code)})` : ''}.`);
    process.exitCode = 1;
  }
}
