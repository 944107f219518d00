import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startProsody, type ProsodyServer } from '../../scripts/lib/prosody';
import { connectPeer } from '../../scripts/lib/xmppPeer';
import { atomEntry } from '../support/atomEntry';
import {
  launchBrowser,
  serviceWorkerReady,
  stopServiceWorkers,
  type LaunchedBrowser,
} from '../support/browser';
import { pageRpc } from '../support/pageRpc';
import { signIn, statusIs } from '../support/signIn';

// Issue 13: losing the server or the network after having worked is not a fault. The status
// says "Offline" and how fresh the saved posts are; it shows an error only when something is
// wrong (here: the password was changed elsewhere). A private Prosody: this file stops it.
// Chromium's emulated offline keeps an open WebSocket open, so the server is stopped instead.
const appUrl = inject('appUrl');
const NODE = 'blog/offline-status';
const OFFLINE_WORDING = /Offline · showing saved posts, last synced (just now|\d+ min ago)/u;
let prosody: ProsodyServer;
let browser: LaunchedBrowser;
let jid: string;

beforeAll(async () => {
  prosody = await startProsody();
  jid = await prosody.register('status', 'pw-status');
  const peer = await connectPeer({ wsUrl: prosody.wsUrl, jid, password: 'pw-status' });
  try {
    await peer.createNode(prosody.pubsubService, NODE, { 'pubsub#access_model': 'open' });
    await peer.publishMany(
      prosody.pubsubService,
      NODE,
      [1, 2, 3].map((i) => ({ id: `p${i}`, payload: atomEntry(`p${i}`) })),
    );
  } finally {
    await peer.stop();
  }
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await prosody?.stop();
});

/** The status as a person reads it. */
async function statusText(status: Locator): Promise<string> {
  return (await status.innerText()).replace(/\s+/gu, ' ');
}

async function offlineWordingShown(page: Page): Promise<void> {
  const status = page.getByTestId('connection-status');
  await expect.poll(() => status.getAttribute('data-status'), { timeout: 30_000 }).toBe('offline');
  await expect.poll(() => statusText(status), { timeout: 10_000 }).toMatch(OFFLINE_WORDING);
  // Nothing of it reads or looks like a fault.
  expect(await statusText(status)).not.toMatch(/could not be reached|lost|error/iu);
  expect(await status.locator('.status-error').count()).toBe(0);
}

describe('the status while offline', () => {
  it('says offline with the age of the saved posts, and shows an error only when one happened', async () => {
    let page = await browser.context.newPage();
    await page.goto(appUrl);
    await serviceWorkerReady(page);
    await signIn(page, { jid, password: 'pw-status' }, prosody.wsUrl);
    const address = { service: prosody.pubsubService, node: NODE };
    await pageRpc(page, 'cache.follow', address);
    await expect
      .poll(async () => (await pageRpc(page, 'cache.getNode', address)).node?.syncState, {
        timeout: 30_000,
      })
      .toBe('completed');

    // The server goes away under an open page: the socket really closes.
    await prosody.down();
    await offlineWordingShown(page);

    // The network goes too, and the app starts cold: the same calm status.
    await browser.context.setOffline(true);
    const blank = await browser.context.newPage();
    await page.close();
    await stopServiceWorkers(blank);
    page = await browser.context.newPage();
    await page.goto(appUrl);
    await blank.close();
    await offlineWordingShown(page);

    // Something actually wrong: the password was changed elsewhere. That is an error.
    await prosody.register('status', 'pw-changed');
    await prosody.restart();
    await browser.context.setOffline(false);
    await statusIs(page, 'signedOut', 60_000);
    const failure = page.getByTestId('connection-status').locator('.status-error');
    await expect(failure.getAttribute('data-code')).resolves.toBe('auth-failed');
    await expect(failure.innerText()).resolves.toContain('Wrong address or password.');
    await page.close();
  }, 180_000);
});
