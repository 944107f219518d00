import { AxeBuilder } from '@axe-core/playwright';
import { xml } from '@xmpp/xml';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { XmppPeer } from '../../scripts/lib/xmppPeer';
import { connectAccount, registerAccount, type TestAccount } from '../support/accounts';
import { atomEntry } from '../support/atomEntry';
import { launchBrowser, serviceWorkerReady, type LaunchedBrowser } from '../support/browser';
import { signIn } from '../support/signIn';

// Issue 5, home: the nodes the user follows elsewhere. A node they subscribed to on the server
// (XEP-0060 §5.6, from "another client") before signing in here is followed at the first
// sign-in (issue 13); one subscribed to later is listed and followed from home; a roster contact's
// microblog (RFC 6121 §2, XEP-0277 §3) is listed under "Contacts' microblogs", followed, and
// its posts appear.
const appUrl = inject('appUrl');
const wsUrl = inject('wsUrl');
const pubsub = inject('pubsubService');
const MICROBLOG = 'urn:xmpp:microblog:0';
const POSTS = 4;
const newsNode = `home/news-${Date.now()}`;

let browser: LaunchedBrowser | undefined;
let account: TestAccount;
let blogger: XmppPeer;
let page: Page;

beforeAll(async () => {
  account = await registerAccount('home');
  blogger = await connectAccount(await registerAccount('home-blogger'));
  const publisher = await connectAccount(await registerAccount('home-publisher'));
  const own = await connectAccount(account);
  try {
    await blogger.createNode(blogger.bareJid, MICROBLOG, {
      'pubsub#access_model': 'open',
      'pubsub#max_items': '100',
    });
    await blogger.publishMany(
      blogger.bareJid,
      MICROBLOG,
      Array.from({ length: POSTS }, (_, i) => ({
        id: `bp${i}`,
        payload: atomEntry(`bp${i}`, { title: `Blogger post ${i}` }),
      })),
    );
    await publisher.createNode(pubsub, newsNode, { 'pubsub#access_model': 'open' });
    await publisher.publish(pubsub, newsNode, 'n0', atomEntry('n0', { title: 'News 0' }));
    // The user's other client: a subscription on the server and a contact on the roster.
    await own.subscribe(pubsub, newsNode);
    await own.iq(
      xml(
        'iq',
        { type: 'set' },
        xml(
          'query',
          { xmlns: 'jabber:iq:roster' },
          xml('item', { jid: blogger.bareJid, name: 'Blogger Friend' }),
        ),
      ),
    );
  } finally {
    await Promise.all([publisher.stop(), own.stop()]);
  }
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.goto(appUrl);
  await serviceWorkerReady(page);
  await signIn(page, account, wsUrl);
}, 60_000);

afterAll(async () => {
  await blogger?.stop();
  await browser?.close();
});

const followedRow = (service: string, node: string) =>
  page.locator(
    `ul[aria-label="Followed feeds"] .node-row[data-service="${service}"][data-node="${node}"]`,
  );

describe('home: subscriptions and contacts', () => {
  it('follows at the first sign-in what the account was subscribed to on its server', async () => {
    await followedRow(pubsub, newsNode).locator('[data-sync="completed"]').waitFor({
      timeout: 30_000,
    });
  });

  it('lists a subscription made later in another client, and following it syncs it', async () => {
    const laterNode = `home/later-${Date.now()}`;
    const publisher = await connectAccount(await registerAccount('home-later'));
    const other = await connectAccount(account);
    try {
      await publisher.createNode(pubsub, laterNode, { 'pubsub#access_model': 'open' });
      await publisher.publish(pubsub, laterNode, 'l0', atomEntry('l0', { title: 'Later 0' }));
      await other.subscribe(pubsub, laterNode);
    } finally {
      await Promise.all([publisher.stop(), other.stop()]);
    }
    const section = page.getByRole('region', { name: 'Subscribed on your server' });
    await section.getByRole('button', { name: 'Check again' }).click();
    const row = section.locator(`.suggestion-row[data-node="${laterNode}"]`);
    await row.waitFor({ timeout: 30_000 });
    await row.getByRole('button', { name: `Follow ${laterNode}` }).click();
    await followedRow(pubsub, laterNode)
      .locator('[data-sync="completed"]')
      .waitFor({ timeout: 30_000 });
    await row.getByRole('link', { name: `Following ${laterNode}: open its feed` }).waitFor();
  });

  it("lists a contact's microblog, follows it, and its posts appear", async () => {
    const section = page.getByRole('region', { name: 'Contacts’ microblogs' });
    const row = section.locator(`.suggestion-row[data-service="${blogger.bareJid}"]`);
    await row.waitFor({ timeout: 30_000 });
    await expect(row.locator('.node-title').textContent()).resolves.toBe('Blogger Friend');
    const follow = row.getByRole('button', { name: 'Follow Blogger Friend' });
    await follow.focus();
    await page.keyboard.press('Enter'); // keyboard alone is enough
    const followed = followedRow(blogger.bareJid, MICROBLOG);
    await followed.locator('[data-sync="completed"]').waitFor({ timeout: 30_000 });
    await expect
      .poll(() => followed.getByTestId('unread-count').textContent(), { timeout: 10_000 })
      .toBe(String(POSTS));

    await followed.locator('.node-link').click();
    await page.locator('.feed-row[data-index="0"]').waitFor({ timeout: 15_000 });
    await expect
      .poll(() =>
        page
          .locator('.feed-row[data-item-id]')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item-id')).sort()),
      )
      .toEqual(['bp0', 'bp1', 'bp2', 'bp3']);
    await page.goBack();
    await page.getByRole('heading', { name: 'Your feeds' }).waitFor();
  });

  it('has no serious accessibility violation on home with both sections', async () => {
    await page
      .getByRole('region', { name: 'Contacts’ microblogs' })
      .locator('.suggestion-row')
      .first()
      .waitFor({ timeout: 15_000 });
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    const serious = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });
});
