import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MICROBLOG_NODE, NEWS_NODE } from '../../scripts/lib/demoContent';
import { DEMO_PASSWORD, startDemoServer } from '../../scripts/lib/demoServer';
import type { ProsodyServer } from '../../scripts/lib/prosody';
import { launchBrowser, serviceWorkerReady, type LaunchedBrowser } from '../support/browser';
import { signIn } from '../support/signIn';

// Issue 13: `npm start`'s demo shows Satchel's point in the first minute. The demo server is
// started exactly as `npm start` starts it (scripts/lib/demoServer.ts, seeded once), and the
// demo account's first sign-in already follows its microblog and the news node: the account is
// subscribed to both on the server, and a first sign-in adopts the server's subscriptions.
const appUrl = inject('appUrl');
const dataDir = mkdtempSync(join(tmpdir(), 'satchel-demo-'));
let server: ProsodyServer | undefined;
let browser: LaunchedBrowser | undefined;
let jid = '';

beforeAll(async () => {
  const demo = await startDemoServer(dataDir);
  server = demo.server;
  jid = demo.jid;
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the npm start demo', () => {
  it('follows the demo microblog and the news node at the first sign-in, synced', async () => {
    const page = await browser!.context.newPage();
    await page.goto(appUrl);
    await serviceWorkerReady(page);
    await signIn(page, { jid, password: DEMO_PASSWORD }, server!.wsUrl);
    const followed = page.locator('ul[aria-label="Followed feeds"] .node-row');
    const row = (service: string, node: string) =>
      followed.and(page.locator(`[data-service="${service}"][data-node="${node}"]`));
    const microblog = row(jid, MICROBLOG_NODE);
    await microblog.locator('[data-sync="completed"]').waitFor({ timeout: 60_000 });
    await row(server!.pubsubService, NEWS_NODE).waitFor({ timeout: 30_000 });
    expect(await followed.count()).toBe(2);
    await expect(microblog.locator('.node-title').textContent()).resolves.toMatch(/microblog/u);
    // Nothing left to offer for the own microblog: it is followed.
    expect(await page.getByRole('button', { name: /Follow your microblog/u }).count()).toBe(0);
  }, 120_000);
});
