import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProsody, type ProsodyServer } from '../../scripts/lib/prosody';
import { connectPeer, type XmppPeer } from '../../scripts/lib/xmppPeer';
import type { SatchelDb } from '../../src/db/SatchelDb';
import { atomEntry } from '../support/atomEntry';
import { createSatchel, openTestDb } from '../support/cacheHarness';

// Sync robustness against Prosody: write-through, two accounts on one database, an interrupted
// sync that fails, keeps its items and resumes.
let prosody: ProsodyServer;
let publisher: XmppPeer;
let db: SatchelDb;
const accounts: Array<{ jid: string; password: string }> = [];

beforeAll(async () => {
  prosody = await startProsody();
  for (const name of ['alice', 'bob'])
    accounts.push({ jid: await prosody.register(name, `pw-${name}`), password: `pw-${name}` });
  const publisherJid = await prosody.register('pub', 'pw-pub');
  publisher = await connectPeer({ wsUrl: prosody.wsUrl, jid: publisherJid, password: 'pw-pub' });
  db = await openTestDb();
}, 120_000);
afterAll(async () => {
  await publisher?.stop();
  await prosody?.stop();
});

const service = () => prosody.pubsubService;
async function blog(node: string, count: number, config: Record<string, string> = {}) {
  await publisher.createNode(service(), node, {
    'pubsub#max_items': '10000',
    'pubsub#access_model': 'open',
    'pubsub#publish_model': 'open',
    ...config,
  });
  await publisher.publishMany(
    service(),
    node,
    Array.from({ length: count }, (_, i) => ({ id: `p${i}`, payload: atomEntry(`p${i}`) })),
  );
}
const stateOf = async (
  s: Awaited<ReturnType<typeof createSatchel>>,
  account: string,
  node: string,
  at = service(),
) => {
  const record = await s.nodes.get({ account, service: at, node });
  // The reason travels with the state, so a failing expectation says why.
  return record?.syncState === 'error'
    ? `error: ${record.syncError?.message ?? ''}`
    : record?.syncState;
};

describe('sync robustness', () => {
  it("writes the user's own publish and retract to the cache at once, then reconciles with the notification", async () => {
    const [a] = accounts as [{ jid: string; password: string }];
    const alice = await createSatchel(prosody, a, db);
    try {
      // The user's own microblog (XEP-0277 on PEP): the first publish creates the node.
      const address = { service: a.jid, node: 'urn:xmpp:microblog:0' };
      await alice.cache.publish(a.jid, address, atomEntry('first').toString(), 'first');
      await alice.cache.follow(a.jid, address);
      await expect
        .poll(() => stateOf(alice, a.jid, address.node, address.service), { timeout: 20_000 })
        .toBe('completed');
      const id = await alice.cache.publish(
        a.jid,
        address,
        atomEntry('mine', { title: 'Written here' }).toString(),
        'mine',
      );
      // In the cache as soon as the server accepted it, before any notification.
      expect((await alice.items.getItem(a.jid, address.service, address.node, id))?.xml).toContain(
        'Written here',
      );
      await alice.cache.retract(a.jid, address, id);
      expect(await alice.items.getItem(a.jid, address.service, address.node, id)).toBeUndefined();
      // The notifications that follow (publish, then retract, in order) leave it retracted.
      await expect
        .poll(() => alice.changes.some((c) => c.retracted.includes(id)), { timeout: 2000 })
        .toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 300)); // let any late echo arrive
      expect(await alice.items.getItem(a.jid, address.service, address.node, id)).toBeUndefined();
      expect(
        await alice.items.getItem(a.jid, address.service, address.node, 'first'),
      ).toBeDefined();
    } finally {
      await alice.disconnect();
    }
  });

  it('keeps two accounts apart while they sync the same node at the same time', async () => {
    await blog('blog/shared', 200);
    const [a, b] = accounts as [
      { jid: string; password: string },
      { jid: string; password: string },
    ];
    const alice = await createSatchel(prosody, a, db);
    const bob = await createSatchel(prosody, b, db);
    const address = { service: service(), node: 'blog/shared' };
    await Promise.all([alice.cache.follow(a.jid, address), bob.cache.follow(b.jid, address)]);
    await expect
      .poll(() => stateOf(alice, a.jid, 'blog/shared'), { timeout: 30_000 })
      .toBe('completed');
    await expect
      .poll(() => stateOf(bob, b.jid, 'blog/shared'), { timeout: 30_000 })
      .toBe('completed');
    expect(await alice.items.countItems(a.jid, service(), 'blog/shared')).toBe(200);
    expect(await bob.items.countItems(b.jid, service(), 'blog/shared')).toBe(200);
    await alice.items.setRead(a.jid, service(), 'blog/shared', ['p1'], true);
    expect((await bob.items.getItem(b.jid, service(), 'blog/shared', 'p1'))?.read).toBe(0);
    await bob.cache.unfollow(b.jid, address);
    expect(await alice.items.countItems(a.jid, service(), 'blog/shared')).toBe(200);
    await alice.disconnect();
    await bob.disconnect();
  });

  it('marks an interrupted sync as error, keeps what it stored, and resumes where it stopped', async () => {
    await blog('blog/interrupted', 1200);
    const [a] = accounts as [{ jid: string; password: string }];
    const alice = await createSatchel(prosody, a, db);
    const key = { account: a.jid, service: service(), node: 'blog/interrupted' };
    void alice.cache
      .follow(a.jid, { service: service(), node: 'blog/interrupted' })
      .catch(() => undefined);
    await expect
      .poll(async () => (await alice.nodes.get(key))?.syncProgress?.done ?? 0, {
        timeout: 30_000,
        interval: 20,
      })
      .toBeGreaterThan(0);
    await alice.disconnect(); // the worker dies mid-sync
    await expect
      .poll(async () => (await alice.nodes.get(key))?.syncState, { timeout: 10_000 })
      .toBe('error');
    const stopped = await alice.nodes.get(key);
    // The error is recorded with its reason, a retry is scheduled, and what was stored stays.
    expect(stopped?.syncError).toMatchObject({ attempts: 1 });
    expect(stopped?.syncError?.retryAt).toBeGreaterThan(Date.now());
    expect(await alice.items.countItems(a.jid, service(), 'blog/interrupted')).toBeGreaterThan(0);
    const remaining = stopped?.syncCursor?.pendingIds?.length ?? 0;
    expect(remaining).toBeGreaterThan(0);
    expect(remaining).toBeLessThan(1200);
    await alice.connect();
    await alice.cache.onSessionStarted(a.jid, false);
    await expect
      .poll(async () => (await alice.nodes.get(key))?.syncState, { timeout: 30_000 })
      .toBe('completed');
    expect(await alice.items.countItems(a.jid, service(), 'blog/interrupted')).toBe(1200);
    await alice.disconnect();
  }, 120_000);

  it("syncs a contact's microblog even though Prosody refuses to list another user's PEP item ids", async () => {
    const [a, b] = accounts as [
      { jid: string; password: string },
      { jid: string; password: string },
    ];
    const owner = await connectPeer({
      wsUrl: prosody.wsUrl,
      jid: a.jid,
      password: a.password,
      resource: 'owner',
    });
    await owner.createNode(a.jid, 'urn:xmpp:microblog:0', {
      'pubsub#access_model': 'open',
      'pubsub#max_items': '1000',
    });
    await owner.publishMany(
      a.jid,
      'urn:xmpp:microblog:0',
      Array.from({ length: 30 }, (_, i) => ({ id: `c${i}`, payload: atomEntry(`c${i}`) })),
    );
    await owner.stop();
    const bob = await createSatchel(prosody, b, db);
    const address = { service: a.jid, node: 'urn:xmpp:microblog:0' };
    await bob.cache.follow(b.jid, address);
    await expect
      .poll(() => stateOf(bob, b.jid, address.node, address.service), { timeout: 20_000 })
      .toBe('completed');
    expect((await bob.items.listItemIds(b.jid, a.jid, address.node)).length).toBeGreaterThanOrEqual(
      30,
    );
    await bob.disconnect();
  });
});
