import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { schemaVersions } from '../../../src/db/versions';
import { launchBenchBrowser } from './benchBrowser';
import { BENCH_ITEMS_VERSION } from './benchItems';
import type { BenchProsody } from './benchProsody';
import { openSignedIn } from './openApp';

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

// 2: posts dated over the whole node (version 1 dated each chunk of 2,000 as if it were the
// node, so a 100,000-post node spanned 14 days instead of 694).
const TEMPLATE_VERSION = 2;
const TEMPLATE_SIZES = [1_000, 100_000];
const CHUNK = 2_000;
/** Time between two imported posts (also what lib/seedImportedNodes.ts seeds Prosody with). */
export const TEMPLATE_STEP_MS = 10 * 60_000;
const currentSchema = (): number => Math.max(...schemaVersions.map((v) => v.version));
const importedNode = (size: number): string => `satchel-bench/import-${size}`;
const readMarker = (path: string): TemplateMarker | undefined =>
  existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as TemplateMarker) : undefined;
const building = (dir: string): string => `${dir}.building`;

function isCurrent(marker: TemplateMarker | undefined, account: string): marker is TemplateMarker {
  return (
    marker?.version === TEMPLATE_VERSION &&
    marker.itemsVersion === BENCH_ITEMS_VERSION &&
    marker.schemaVersion === currentSchema() &&
    marker.account === account
  );
}

export function readTemplate(dir: string, account: string): TemplateMarker | undefined {
  const marker = readMarker(join(dir, 'marker.json'));
  return isCurrent(marker, account) ? marker : undefined;
}

/** A saved profile written at an older schema version, which the app can upgrade (the
 * migrations a user's database goes through) instead of importing everything again. */
export function readUpgradableTemplate(dir: string, account: string): TemplateMarker | undefined {
  const marker = readMarker(join(dir, 'marker.json'));
  if (marker === undefined || marker.schemaVersion >= currentSchema()) return undefined;
  return isCurrent({ ...marker, schemaVersion: currentSchema() }, account) ? marker : undefined;
}

/** The port the app must be served on: the saved profile's, or the one being built's. */
export function templatePort(dir: string, account: string): number | undefined {
  return (
    (readTemplate(dir, account) ?? readUpgradableTemplate(dir, account))?.appPort ??
    readMarker(join(building(dir), 'progress.json'))?.appPort
  );
}

/**
 * The 1,000- and 100,000-post nodes, imported once with `cache.importAll` into a browser profile
 * kept in `dir` (the import indexes every post for search: this takes long, see
 * docs/benchmarks.md). Each run starts its browser from a copy. Built in `<dir>.building`, one
 * chunk of 2,000 posts per call, recording progress: an interrupted build resumes. Saved signed
 * out and without its service worker, so a run's own build registers afresh and opens this
 * database as its own.
 */
export async function buildTemplate(
  dir: string,
  app: { url: string; port: number },
  prosody: BenchProsody,
  log: (message: string) => void,
): Promise<TemplateMarker> {
  const work = building(dir);
  const progressPath = join(work, 'progress.json');
  const account = prosody.seed.reader.jid;
  const saved = readMarker(progressPath);
  const fresh: TemplateMarker = {
    version: TEMPLATE_VERSION,
    itemsVersion: BENCH_ITEMS_VERSION,
    schemaVersion: currentSchema(),
    appPort: app.port,
    account,
    service: prosody.seed.service,
    nodes: [],
    createdAt: new Date().toISOString(),
  };
  const marker = isCurrent(saved, account) && saved.appPort === app.port ? saved : fresh;
  if (marker === fresh) rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const save = () => writeFileSync(progressPath, `${JSON.stringify(marker, null, 2)}\n`);
  const browser = await launchBenchBrowser({ profileDir: join(work, 'profile') });
  try {
    const page = await openSignedIn(browser, app.url, prosody);
    const endMs = Date.parse(marker.createdAt) - 86_400_000;
    for (const size of TEMPLATE_SIZES) {
      let entry = marker.nodes.find((n) => n.node === importedNode(size));
      if (!entry) {
        entry = { node: importedNode(size), size: 0, endMs, importMs: 0 };
        marker.nodes.push(entry);
      }
      for (let from = entry.size; from < size; from += CHUNK) {
        const result = await page.evaluate((request) => window.satchelBench.importItems(request), {
          service: marker.service,
          node: entry.node,
          account,
          from,
          to: Math.min(size, from + CHUNK),
          count: size,
          chunk: CHUNK,
          endMs,
          stepMs: TEMPLATE_STEP_MS,
          authorJid: prosody.seed.publisher.jid,
          seed: size,
        });
        // Each chunk's posts are numbered within the whole node, so resuming continues it.
        entry.size = Math.min(size, from + CHUNK);
        entry.importMs += Math.round(result.importMs);
        save();
        const rate = Math.round(result.count / (result.importMs / 1000));
        log(
          `  ${entry.node}: ${entry.size.toLocaleString('en')}/${size.toLocaleString('en')} (${rate} posts/s)`,
        );
      }
    }
    await page.evaluate(() => window.satchelBench.call('session.signOut', {}));
  } finally {
    await browser.close();
  }
  for (const cache of ['Service Worker', 'Cache', 'Code Cache', 'GPUCache'])
    rmSync(join(work, 'profile', 'Default', cache), { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
  renameSync(work, dir);
  writeFileSync(join(dir, 'marker.json'), `${JSON.stringify(marker, null, 2)}\n`);
  rmSync(join(dir, 'progress.json'), { force: true });
  return marker;
}

/**
 * Upgrades the saved profile's database to the current schema: a copy is opened by this build
 * (the worker runs the migrations as it does for a user), signed out, and replaces the saved
 * profile only once that worked.
 */
export async function upgradeTemplate(
  dir: string,
  marker: TemplateMarker,
  app: { url: string },
  prosody: BenchProsody,
): Promise<TemplateMarker> {
  const work = `${dir}.upgrading`;
  rmSync(work, { recursive: true, force: true });
  cpSync(dir, work, { recursive: true });
  const browser = await launchBenchBrowser({ profileDir: templateProfile(work) });
  try {
    const page = await openSignedIn(browser, app.url, prosody);
    await page.evaluate(() => window.satchelBench.call('session.signOut', {}));
  } finally {
    await browser.close();
  }
  for (const cache of ['Service Worker', 'Cache', 'Code Cache', 'GPUCache'])
    rmSync(join(work, 'profile', 'Default', cache), { recursive: true, force: true });
  const upgraded = { ...marker, schemaVersion: currentSchema() };
  writeFileSync(join(work, 'marker.json'), `${JSON.stringify(upgraded, null, 2)}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(work, dir);
  return upgraded;
}

/** The node of `size` imported posts, with the time its newest post was dated. */
export const templateNode = (marker: TemplateMarker, size: number) =>
  marker.nodes.find((n) => n.size === size);

export const templateProfile = (dir: string): string => join(dir, 'profile');
