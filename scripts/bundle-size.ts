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

/**
 * Issue 8's goal is at most 1.25 times the floor; this app cannot honestly get there (decision
 * 015, "First-load JS": i18next with the Danish texts, zod for the response parsing and the
 * MUI inputs of the roster's filters alone are 0.6 of the floor). So the budget holds what was
 * achieved (261.1 KiB, 1.95 x on 2026-11-27, sign-in included) plus about 2.5 %, and a hard
 * cap so the floor cannot drift up unnoticed. Lower both when the first load gets lighter;
 * never raise them without a note in decision 015.
 */
export const BUDGET = { maxRatio: 2.0, maxKiB: 268 };
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

/** Mock-mode code that must never ship (issue 6): MSW, the mock backend, the role switcher. */
const DEV_ONLY = [/mockServiceWorker/, /setMockRole/, /\[mock mode\]/, /webcrypto-hasher|mock-pbkdf2/];

async function buildAndMeasure(root: string, needed: RegExp[]): Promise<{ kib: number; files: string[]; devOnly: string[] }> {
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
    // Every chunk of the build, not only the first load: none may carry mock-mode code.
    const allJs = Object.values(manifest).map((c) => c.file).filter((f) => f.endsWith('.js'));
    const devOnly = allJs.filter((f) => DEV_ONLY.some((re) => re.test(readFileSync(join(outDir, f), 'utf8'))));
    return { kib: Math.round((bytes / 1024) * 10) / 10, files, devOnly };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export async function measureBundle() {
  const app = await buildAndMeasure(resolve('.'), ROSTER_PAGE_SOURCES);
  const floor = await buildAndMeasure(resolve('bench/floor'), []);
  const ratio = Math.round((app.kib / floor.kib) * 100) / 100;
  return { appKiB: app.kib, floorKiB: floor.kib, ratio, appFiles: app.files.length, budget: BUDGET, devOnlyFiles: app.devOnly };
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
  if (result.devOnlyFiles.length > 0) {
    console.error(`Mock-mode code in the production build (${result.devOnlyFiles.join(', ')}): load it only under import.meta.env.DEV.`);
    process.exit(1);
  }
  if (!process.argv.includes('--json')) console.log('No mock-mode code in the production build.');
}
