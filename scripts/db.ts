/**
 * Backup and restore of the whole roster, audit trail included, as one JSON file:
 *
 *   npm run db:export -- backup.json     writes the database the settings name (DATA_DIR or DATABASE_URL)
 *   npm run db:import -- backup.json     loads it into an EMPTY database (refuses one with data)
 *
 * Stop the server first when it uses PGlite (one process per data folder). Export then import
 * gives the same API answers: ids, versions and audit events are kept as they are. Prints
 * counts only, never names.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { readEnv } from '../server/env';
import { InvalidDumpError, parseDump } from '../server/store/dump';
import { DatabaseAheadError } from '../server/store/migrate';
import { openConfiguredStore } from '../server/store/open';
import { ENTITY_NAMES, StoreNotEmptyError, type Dump } from '../server/store/store';

const USAGE = 'Usage: npm run db:export -- <file.json>   or   npm run db:import -- <file.json>';

function counts(dump: Dump): string {
  const records = ENTITY_NAMES.map((n) => `${dump.records[n].length} ${n}`).join(', ');
  return `${records}; ${dump.audit.length} audit events`;
}

async function main(command: string | undefined, file: string | undefined): Promise<number> {
  if ((command !== 'export' && command !== 'import') || !file) {
    console.error(USAGE);
    return 2;
  }
  // Read and check the file before touching the database.
  const incoming = command === 'import' ? parseDump(JSON.parse(await readFile(file, 'utf8')) as unknown) : undefined;
  const { store, description } = await openConfiguredStore(readEnv());
  try {
    if (incoming) {
      await store.importAll(incoming);
      console.error(`Imported into ${description}: ${counts(incoming)}.`);
    } else {
      const dump = await store.exportAll();
      await writeFile(file, JSON.stringify(dump, null, 1) + '\n', { mode: 0o600 });
      console.error(`Exported ${description} to ${file}: ${counts(dump)}.`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

try {
  process.exitCode = await main(process.argv[2], process.argv[3]);
} catch (e) {
  if (e instanceof StoreNotEmptyError) {
    console.error('The database already holds data: import only into an empty one (a new DATA_DIR, or an empty PostgreSQL database).');
  } else if (e instanceof InvalidDumpError || e instanceof DatabaseAheadError) {
    console.error(e.message);
  } else if (e instanceof SyntaxError) {
    console.error('The file is not JSON.');
  } else {
    console.error(`Failed: ${e instanceof Error ? e.name : 'error'}${e instanceof Error && 'code' in e ? ` (${String(e.code)})` : ''}.`);
  }
  process.exitCode = 1;
}
