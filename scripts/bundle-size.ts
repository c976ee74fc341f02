/**
 * The first-load JavaScript budget: gzip size of the JS a browser loads before the roster
 * page is usable (the entry, its static imports, and the roster route's lazy chunks), against
 * a floor app (bench/floor) built by the same Vite config in the same run.
 *
 *   npm run budget            # builds both, prints the numbers, fails when over budget
 *   npm run budget -- --json  # the same as JSON (used by npm run bench)
 *
 * Deterministic (sizes, not timings), so CI holds it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/** Goals of issue 8: at most 1.25 times the floor; and a hard cap so the floor cannot drift up unnoticed. */
export const BUDGET = { maxRatio: 1.25, maxKiB: 280 };
/** Source files whose lazy chunks the roster page needs before it is usable. */
const ROSTER_PAGE_SOURCES = [/src\/features\/roster\//, /src\/app\/routes\/roster/];

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

async function buildAndMeasure(root: string, needed: RegExp[]): Promise<{ kib: number; files: string[] }> {
  const outDir = mkdtempSync(join(tmpdir(), 'bundle-size-'));
  try {
    await build({
      configFile: resolve('vite.config.ts'),
      root,
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, manifest: true, sourcemap: false },
    });
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
    const seen = new Set<string>();
    const visit = (key: string) => {
      if (seen.has(key)) return;
      const chunk = manifest[key];
      if (!chunk) return;
      seen.add(key);
      for (const k of chunk.imports ?? []) visit(k);
    };
    for (const [key, chunk] of Object.entries(manifest)) {
      if (chunk.isEntry) visit(key);
    }
    // Lazy chunks the first page needs (its route component): with their static imports.
    for (const [key, chunk] of Object.entries(manifest)) {
      if (chunk.src && needed.some((re) => re.test(chunk.src ?? ''))) visit(key);
    }
    const files = [...seen].flatMap((k) => manifest[k]?.file ?? []).filter((f) => f.endsWith('.js'));
    const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(outDir, f)), { level: 9 }).length, 0);
    return { kib: Math.round((bytes / 1024) * 10) / 10, files };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export async function measureBundle() {
  const app = await buildAndMeasure(resolve('.'), ROSTER_PAGE_SOURCES);
  const floor = await buildAndMeasure(resolve('bench/floor'), []);
  const ratio = Math.round((app.kib / floor.kib) * 100) / 100;
  return { appKiB: app.kib, floorKiB: floor.kib, ratio, appFiles: app.files.length, budget: BUDGET };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve('scripts/bundle-size.ts');
if (isMain) {
  const result = await measureBundle();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(result));
  } else {
    console.log(`First-load JS for the roster page: ${result.appKiB} KiB gzip in ${result.appFiles} files`);
    console.log(`Floor app (React, router, MUI core, Query, one table): ${result.floorKiB} KiB gzip`);
    console.log(`Ratio: ${result.ratio} (budget: at most ${BUDGET.maxRatio}, and at most ${BUDGET.maxKiB} KiB)`);
  }
  const over = result.ratio > BUDGET.maxRatio || result.appKiB > BUDGET.maxKiB;
  if (over) {
    console.error('Over the first-load JS budget: split routes or drop weight (see docs/decisions).');
    process.exit(1);
  }
}
