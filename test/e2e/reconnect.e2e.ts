import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startProsody, type ProsodyServer } from '../../scripts/lib/prosody';
import { launchBrowser, serviceWorkerReady, type LaunchedBrowser } from '../support/browser';
import { pageRpc } from '../support/pageRpc';
import { signIn, statusIs } from '../support/signIn';

// Server and network failures, with a private Prosody this file may restart and stop.
const appUrl = inject('appUrl');
let prosody: ProsodyServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  prosody = await startProsody();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await prosody?.stop();
});

async function signedInPage(user: string) {
  const account = { jid: await prosody.register(user, `pw-${user}`), password: `pw-${user}` };
  const page = await browser.context.newPage();
  await page.goto(appUrl);
  await serviceWorkerReady(page);
  await signIn(page, account, prosody.wsUrl);
  return { page, account };
}

describe('connection failures', () => {
  it('reconnects by itself when Prosody restarts, showing why and when', async () => {
    const { page } = await signedInPage('restarted');
    const before = Date.now();
    await prosody.restart();
    // The session comes back by itself; the loss stays recorded with its reason and time.
    await expect
      .poll(async () => (await pageRpc(page, 'session.state', {})).since, { timeout: 30_000 })
      .toBeGreaterThan(before);
    await statusIs(page, 'online', 30_000);
    const state = await pageRpc(page, 'session.state', {});
    expect(state.lastFailure?.code).toMatch(/^(connection-lost|server-unreachable)$/u);
    expect(state.lastFailure?.at).toBeGreaterThanOrEqual(before);
    await page.getByRole('button', { name: /Sign out/u }).click();
    await statusIs(page, 'signedOut');
    await page.close();
  });

  it('still shows the app shell after a reload with the network gone, with the right status', async () => {
    const { page } = await signedInPage('offline');
    await browser.context.setOffline(true);
    await prosody.down(); // nothing answers either: a real outage
    try {
      await page.reload();
      await page.getByRole('banner').waitFor();
      const status = page.getByTestId('connection-status');
      await expect
        .poll(() => status.getAttribute('data-status'), { timeout: 30_000 })
        .toMatch(/^(offline|reconnecting)$/u);
      await expect(status.textContent()).resolves.toMatch(/Offline|Reconnecting/u);
    } finally {
      await prosody.restart();
      await browser.context.setOffline(false); // the page tells the engine: reconnect now
    }
    // Back-off may be mid-wait when the network returns (attempts failed while offline).
    await statusIs(page, 'online', 60_000).catch(async (error: unknown) => {
      throw new Error(
        `${String(error)}; status: ${await page.getByTestId('connection-status').textContent()}`,
      );
    });
    await page.close();
  }, 120_000);
});
