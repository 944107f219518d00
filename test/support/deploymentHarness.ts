import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveApp, type ServedApp } from '../../scripts/serveApp';
import { launchBrowser, type LaunchedBrowser } from './browser';
import { buildNextDeployment, deploy } from './buildVariant';

/**
 * Two deployments on one origin, as a real update arrives: the current build is served from a
 * folder whose content can be replaced by the next build (one more schema version). For the
 * update, upgrade-failure and version-coordination tests.
 */
export async function startDeployments(options: {
  buildId: string;
  failingUpgrade?: boolean;
  wsUrl: string;
}) {
  const next = await buildNextDeployment(options);
  const liveDir = join(mkdtempSync(join(tmpdir(), 'satchel-live-')), 'app');
  deploy('dist', liveDir);
  let app: ServedApp | undefined;
  let browser: LaunchedBrowser | undefined;
  try {
    app = await serveApp({ dir: liveDir, port: 0, websocketUrl: options.wsUrl });
    browser = await launchBrowser();
  } catch (error) {
    await app?.close();
    next.cleanup();
    throw error;
  }
  const served = app;
  const launched = browser;
  return {
    url: served.url,
    browser: launched,
    /** The schema version of the next build (Dexie stores it × 10). */
    nextSchemaVersion: next.schemaVersion,
    /** The next build replaces the current one on the server (the browser has not seen it yet). */
    deployNext: (): void => deploy(next.outDir, liveDir),
    /** The version of the `satchel` database, read in the service worker. */
    async databaseVersion(): Promise<number> {
      const worker = launched.context.serviceWorkers()[0];
      if (!worker) throw new Error('no service worker');
      return worker.evaluate(
        async () => (await indexedDB.databases()).find((d) => d.name === 'satchel')?.version ?? 0,
      );
    },
    async close(): Promise<void> {
      await launched.close();
      await served.close();
      next.cleanup();
      rmSync(join(liveDir, '..'), { recursive: true, force: true });
    },
  };
}

export type Deployments = Awaited<ReturnType<typeof startDeployments>>;
