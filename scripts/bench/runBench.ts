/**
 * `npm run bench` (issue 8): Satchel against its limits, in headless Chromium against a local
 * Prosody. Seeded once and kept under .bench/: Prosody's 10,000-post node (.bench/prosody) and
 * a browser profile holding 1,000- and 100,000-post nodes (.bench/chromium-template). Writes
 * .bench/results-<date>.json, prints the tables and appends them to docs/benchmarks.md.
 * Options: --skip-build (reuse .bench/dist), --sync-runs N (pairs, default 2), --fresh-runs N
 * (pairs in the fresh profile, default 3), --catchup-runs N (absences, default 3), --no-docs,
 * --only sync,fresh,catchup,read,live,search,cold (fresh, catchup: in profiles of their own,
 * without the saved one). Method and caveats: docs/benchmarks.md.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { withTimeout } from '../lib/withTimeout';
import { launchBenchBrowser } from './lib/benchBrowser';
import { startBenchProsody } from './lib/benchProsody';
import { buildBench } from './lib/buildBench';
import {
  buildTemplate,
  readTemplate,
  readUpgradableTemplate,
  templatePort,
  templateProfile,
  upgradeTemplate,
} from './lib/cacheTemplate';
import { describeMachine } from './lib/machine';
import { openSignedIn } from './lib/openApp';
import { seedImportedNodes } from './lib/seedImportedNodes';
import { serveBenchApp } from './lib/serveBenchApp';
import type { BenchContext } from './measure/BenchContext';
import { measureAll } from './measure/measureAll';
import { measureBundle } from './measure/measureBundle';
import { measureCatchUp } from './measure/measureCatchUp';
import { measureFreshSync } from './measure/measureFreshSync';
import { emptyWorkerHeap } from './measure/measureMemory';
import type { BenchResults } from './report/BenchResults';
import { checkTargets } from './report/checkTargets';
import { formatReport } from './report/formatReport';
import { appendToDocs, writeResultsJson } from './report/writeResults';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BENCH_DIR = join(ROOT, '.bench');
const DIST = join(BENCH_DIR, 'dist');
const TEMPLATE = join(BENCH_DIR, 'chromium-template');
const log = (message: string): void => console.log(message);
const CATCH_UP_TIMEOUT_MS = 20 * 60_000;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'skip-build': { type: 'boolean', default: false },
      'sync-runs': { type: 'string', default: '2' },
      'fresh-runs': { type: 'string', default: '3' },
      'catchup-runs': { type: 'string', default: '3' },
      'no-docs': { type: 'boolean', default: false },
      only: { type: 'string' },
    },
  });
  const only = values.only?.split(',');
  const wanted = (name: string): boolean => only === undefined || only.includes(name);
  const started = performance.now();
  const date = new Date().toISOString();
  // The commit built and the load as the run starts (a commit made during a run is not it).
  const atStart = describeMachine(ROOT, 'unknown');
  if (!values['skip-build']) {
    log('Building the app into .bench/dist…');
    await buildBench(ROOT, DIST);
  }
  const bundle = measureBundle(ROOT, DIST);
  log('Starting Prosody (.bench/prosody)…');
  const prosody = await startBenchProsody(join(BENCH_DIR, 'prosody'));
  const account = prosody.seed.reader.jid;
  let template = readTemplate(TEMPLATE, account);
  const app = await serveBenchApp(DIST, prosody.server.wsUrl, templatePort(TEMPLATE, account));
  const failures: string[] = [];
  const partial: Omit<BenchResults, 'targets' | 'durationSeconds' | 'machine'> = {
    date,
    seed: {
      service: prosody.seed.service,
      node: prosody.seed.node,
      count: prosody.seed.count,
      seededNow: prosody.seededNow,
      seedMs: prosody.seed.seedMs,
    },
    bundle: bundle.rows,
    memory: [],
    failures,
  };
  let chromiumVersion: string | undefined;
  try {
    // Only the fresh-profile sync asked for (--only fresh): the big profile is not needed.
    const inTemplate = ['sync', 'read', 'live', 'search', 'cold'].some((name) => wanted(name));
    const older = template ? undefined : readUpgradableTemplate(TEMPLATE, account);
    if (inTemplate && older) {
      log(`Upgrading the saved browser profile from schema v${older.schemaVersion}…`);
      template = await upgradeTemplate(TEMPLATE, older, app, prosody);
    } else if (inTemplate && !template) {
      log(
        'Building the saved browser profile with 1,000 + 100,000 imported posts (once; minutes)…',
      );
      template = await buildTemplate(TEMPLATE, app, prosody, log);
    }
    const empty = await emptyWorkerHeap(app.url, prosody, log).catch((error: unknown) => {
      failures.push(`empty worker heap: ${error instanceof Error ? error.message : String(error)}`);
    });
    if (empty) partial.memory.push(empty);
    if (wanted('sync') || wanted('fresh')) {
      log('1b. sync in a fresh profile…');
      const fresh = await measureFreshSync(
        {
          root: ROOT,
          benchDir: BENCH_DIR,
          appUrl: app.url,
          prosody,
          account,
          address: { service: prosody.seed.service, node: prosody.seed.node },
          log,
        },
        Number(values['fresh-runs']),
      ).catch((error: unknown) => {
        failures.push(`fresh sync: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      });
      if (fresh) partial.syncFreshProfile = fresh;
    }
    if (wanted('catchup')) {
      log('1c. catch-up after an absence, against a full fetch (restarts Prosody)…');
      const base = {
        root: ROOT,
        benchDir: BENCH_DIR,
        appUrl: app.url,
        prosody,
        account,
        address: { service: prosody.seed.service, node: prosody.seed.node },
        log,
      };
      const catchUp = await withTimeout(
        measureCatchUp(base, Number(values['catchup-runs'])),
        CATCH_UP_TIMEOUT_MS,
        () => `the catch-up measurement took over ${CATCH_UP_TIMEOUT_MS / 60_000} min`,
      ).catch((error: unknown) => {
        failures.push(`catch-up: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      });
      if (catchUp) partial.catchUp = catchUp;
      chromiumVersion ??= catchUp?.chromium;
    }
    if (inTemplate && template) {
      // The imported nodes exist on Prosody too, or the run's catch-up deletes them (issue 14).
      await seedImportedNodes(prosody, template, log);
      const browser = await launchBenchBrowser({ fromProfile: templateProfile(TEMPLATE) });
      chromiumVersion = browser.version;
      try {
        const signedInAt = Date.now();
        const page = await openSignedIn(browser, app.url, prosody);
        const ctx: BenchContext = {
          root: ROOT,
          benchDir: BENCH_DIR,
          appUrl: app.url,
          browser,
          page,
          prosody,
          account,
          address: { service: prosody.seed.service, node: prosody.seed.node },
          template,
          log,
        };
        await measureAll(
          ctx,
          { syncPairs: Number(values['sync-runs']), wanted, signedInAt },
          partial,
        );
      } finally {
        await browser.close().catch((e: unknown) => console.error(e));
      }
    }
  } finally {
    await app.close();
    await prosody.publisher.stop();
    await prosody.server.stop();
  }
  const results: BenchResults = {
    ...partial,
    machine: { ...atStart, chromium: chromiumVersion ?? 'unknown' },
    durationSeconds: Math.round((performance.now() - started) / 1000),
    targets: [],
  };
  results.targets = checkTargets(results);
  const report = formatReport(results);
  console.log(`\n${report}`);
  log(`Results: ${writeResultsJson(BENCH_DIR, results)}`);
  if (!values['no-docs']) await appendToDocs(join(ROOT, 'docs/benchmarks.md'), report);
  process.exit(failures.length > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
