import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schemaVersions } from '../../../src/db/versions';
import { serviceWorkerReady } from '../../../test/support/browser';
import { signIn } from '../../../test/support/signIn';
import { loadBenchModule } from '../measure/BenchContext';
import { launchBenchBrowser } from './benchBrowser';
import { BENCH_ITEMS_VERSION } from './benchItems';
import type { BenchProsody } from './benchProsody';

/** What the saved profile holds; a run reuses it only when all of it still matches. */
export interface TemplateMarker {
  version: number;
  itemsVersion: number;
  /** The database schema version it was written with (src/db/versions). */
  schemaVersion: number;
  /** IndexedDB belongs to an origin: the app is served on this port in every run. */
  appPort: number;
  account: string;
  service: string;
  nodes: Array<{ node: string; size: number; endMs: number; importMs: number }>;
  createdAt: string;
}

const TEMPLATE_VERSION = 1;
export const TEMPLATE_SIZES = [1_000, 100_000];
const STEP_MS = 10 * 60_000;
const currentSchema = (): number => Math.max(...schemaVersions.map((v) => v.version));
export const importedNode = (size: number): string => `satchel-bench/import-${size}`;

export function readTemplate(dir: string, account: string): TemplateMarker | undefined {
  const path = join(dir, 'marker.json');
  if (!existsSync(path)) return undefined;
  const marker = JSON.parse(readFileSync(path, 'utf8')) as TemplateMarker;
  const current =
    marker.version === TEMPLATE_VERSION &&
    marker.itemsVersion === BENCH_ITEMS_VERSION &&
    marker.schemaVersion === currentSchema() &&
    marker.account === account;
  return current ? marker : undefined;
}

/**
 * The 1,000- and 100,000-post nodes, imported once into a browser profile kept in `dir`
 * (`cache.importAll` indexes every post for search: minutes for 100,000). Each run starts its
 * browser from a copy, so it never pays that again. The profile is saved signed out (so a run
 * signs in with the form, whatever Prosody's port) and without its service worker (so the run's
 * build registers afresh and opens this database as its own).
 */
export async function buildTemplate(
  dir: string,
  app: { url: string; port: number },
  prosody: BenchProsody,
  log: (message: string) => void,
): Promise<TemplateMarker> {
  const browser = await launchBenchBrowser();
  const account = prosody.seed.reader.jid;
  const marker: TemplateMarker = {
    version: TEMPLATE_VERSION,
    itemsVersion: BENCH_ITEMS_VERSION,
    schemaVersion: currentSchema(),
    appPort: app.port,
    account,
    service: prosody.seed.service,
    nodes: [],
    createdAt: new Date().toISOString(),
  };
  try {
    const page = await browser.context.newPage();
    await page.goto(app.url);
    await serviceWorkerReady(page);
    await signIn(page, prosody.seed.reader, prosody.server.wsUrl);
    await loadBenchModule(page);
    const endMs = Date.now() - 86_400_000;
    for (const size of TEMPLATE_SIZES) {
      log(`  importing ${size.toLocaleString('en')} posts with cache.importAll (once)…`);
      const result = await page.evaluate((request) => window.satchelBench.importItems(request), {
        service: marker.service,
        node: importedNode(size),
        account,
        count: size,
        endMs,
        stepMs: STEP_MS,
        authorJid: prosody.seed.publisher.jid,
        seed: size,
      });
      log(`  imported in ${Math.round(result.totalMs / 1000)} s`);
      marker.nodes.push({
        node: importedNode(size),
        size,
        endMs,
        importMs: Math.round(result.importMs),
      });
    }
    await page.evaluate(() => window.satchelBench.call('session.signOut', {}));
  } finally {
    await browser.close({ keepProfile: true });
  }
  const building = mkdtempSync(join(tmpdir(), 'satchel-bench-template-'));
  cpSync(browser.userDataDir, building, { recursive: true });
  rmSync(browser.userDataDir, { recursive: true, force: true });
  for (const cache of ['Service Worker', 'Cache', 'Code Cache', 'GPUCache'])
    rmSync(join(building, 'Default', cache), { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
  cpSync(building, join(dir, 'profile'), { recursive: true });
  rmSync(building, { recursive: true, force: true });
  writeFileSync(join(dir, 'marker.json.tmp'), `${JSON.stringify(marker, null, 2)}\n`);
  renameSync(join(dir, 'marker.json.tmp'), join(dir, 'marker.json'));
  return marker;
}

/** The endMs a template node was generated with (for date-range queries). */
export const templateNode = (marker: TemplateMarker, size: number) =>
  marker.nodes.find((n) => n.size === size);

export const templateProfile = (dir: string): string => join(dir, 'profile');
