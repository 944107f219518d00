/**
 * Bundle budget (issue 8 §6), checked in `npm test` because sizes are deterministic: the gzip
 * size of the JavaScript a page loads at start (the entry and its static imports, as
 * index.html references them) and of the service worker. Lazily loaded chunks are reported
 * but not counted against the page budget.
 *
 * `npm run size -- --by-module` builds with source maps into a temporary directory instead,
 * checks that build, and prints what the worker and the page's start are made of
 * (scripts/lib/sizeByModule.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { printSizeByModule } from './lib/printSizeByModule';

// The worker's 90 KB was full (issue 16); issue 14's catch-up and liveness probe and issue
// 13's first-sign-in follows add 1.5 KB. Raised to 92 KB, then to 96 KB on 2026-12-04 when the
// outbox (issue 17, +2.4 KB), the frozen v3 tokenizer (issue 18, +2.2 KB) and issue 15's input
// checks landed beside a 1.7 KB saving: 95.2 KB. Issue 16's second round (no Workbox, terser
// after oxc, no CommonJS, the error sentences in the page, one ltx tree builder less) took it
// to 87.8 KB and the page's start to 34.5 KB (docs/benchmarks.md, "The worker's size"). The
// page meets issue 16's 35 KB. The word index's postings (schema v10: their middleware, merged
// reader and upgrade, +2.0 KB) took the worker to 89.8 KB. It does not meet issue 16's 80 KB:
// the budget is 90 KB, the round figure above what it is, so that nothing grows unseen; what
// is left is listed in docs/benchmarks.md.
const LIMITS = { pageKb: 35, workerKb: 90 };
const args = process.argv.slice(2);
const byModule = args.includes('--by-module');
const dist = byModule
  ? buildWithSourceMaps()
  : (args.find((arg) => !arg.startsWith('--')) ?? process.env.SATCHEL_OUT_DIR ?? 'dist');

/** A production build with hidden source maps (the same code: no map comment is added). */
function buildWithSourceMaps(): string {
  const out = mkdtempSync(join(tmpdir(), 'satchel-size-'));
  const env = { ...process.env, SATCHEL_OUT_DIR: out, SATCHEL_SOURCEMAP: '1' };
  const build = spawnSync('npx', ['vite', 'build'], { env, stdio: 'ignore', timeout: 120_000 });
  if (build.status !== 0) throw new Error(`vite build failed (exit ${build.status})`);
  return out;
}

const gz = (file: string): number => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/gu)].map(
  (m) => m[1] ?? '',
);
const allJs = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => `assets/${f}`);
const lazy = allJs.filter((f) => !initial.includes(f));

const page = initial.reduce((sum, f) => sum + gz(f), 0);
const lazyBytes = lazy.reduce((sum, f) => sum + gz(f), 0);
const worker = gz('sw.js');

const rows = [
  ['page JS at start', page, LIMITS.pageKb],
  ['page JS loaded later', lazyBytes, undefined],
  ['service worker', worker, LIMITS.workerKb],
] as const;
let failed = false;
for (const [name, bytes, limit] of rows) {
  const over = limit !== undefined && bytes > limit * 1024;
  failed ||= over;
  console.log(
    `${over ? 'FAIL' : 'ok  '} ${name.padEnd(22)} ${kb(bytes).padStart(6)} KB gzip${limit === undefined ? '' : ` (limit ${limit} KB)`}`,
  );
}
if (initial.length === 0) {
  console.log('FAIL no entry script found in index.html');
  failed = true;
}
if (byModule) printSizeByModule(dist, ['sw.js', ...initial]);
process.exit(failed ? 1 : 0);
