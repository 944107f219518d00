import type { Element } from '@xmpp/xml';
import { xml } from '@xmpp/xml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProsody, type ProsodyServer } from '../../scripts/lib/prosody';
import { connectPeer, type XmppPeer } from '../../scripts/lib/xmppPeer';
import { atomEntry } from '../support/atomEntry';
import { createMaintenanceStore } from '../../src/db/createMaintenanceStore';
import { createSatchel, openTestDb } from '../support/cacheHarness';
import { withTimeout } from '../../scripts/lib/withTimeout';

// The cache against a real Prosody 0.12 (no RSM: sync lists ids and fetches them by id), with the
// worker's own XMPP layer and a fake-indexeddb database. A second client publishes.
let prosody: ProsodyServer;
let publisher: XmppPeer;
let account: string;
let satchel: Awaited<ReturnType<typeof createSatchel>>;

beforeAll(async () => {
  prosody = await startProsody();
  account = await prosody.register('sat', 'pw-sat');
  const publisherJid = await prosody.register('pub', 'pw-pub');
  publisher = await connectPeer({ wsUrl: prosody.wsUrl, jid: publisherJid, password: 'pw-pub' });
  satchel = await createSatchel(prosody, { jid: account, password: 'pw-sat' }, await openTestDb());
}, 120_000);

afterAll(async () => {
  await satchel?.disconnect();
  await publisher?.stop();
  await prosody?.stop();
});

const service = (): string => prosody.pubsubService;
const key = (node: string) => ({ account, service: service(), node });
const cache = () => satchel.cache;
const nodes = () => satchel.nodes;
const items = () => satchel.items;

async function createBlog(
  node: string,
  count: number,
  config: Record<string, string> = {},
): Promise<void> {
  await publisher.createNode(service(), node, {
    'pubsub#max_items': '10000',
    'pubsub#access_model': 'open',
    ...config,
  });
  await publisher.publishMany(
    service(),
    node,
    Array.from({ length: count }, (_, i) => ({
      id: `p${i}`,
      payload: atomEntry(`p${i}`, { categories: i % 2 ? ['odd'] : ['even'] }),
    })),
  );
}

async function syncCompletely(node: string): Promise<void> {
  const first = await cache().getItems(account, { service: service(), node });
  expect(first.source).toBe('server'); // reads are served by the server until the sync completes
  await expect
    .poll(async () => (await nodes().get(key(node)))?.syncState, { timeout: 60_000, interval: 100 })
    .toBe('completed');
}

describe('pubsub cache against Prosody', () => {
  it('syncs a node an analyser recognises by payload namespace, then answers from the cache', async () => {
    await createBlog('blog/namespace', 30);
    await syncCompletely('blog/namespace');
    const record = await nodes().get(key('blog/namespace'));
    expect(record).toMatchObject({
      analyser: 'microblog',
      type: 'blog',
      subscription: 'subscribed',
    });
    const page = await cache().getItems(account, {
      service: service(),
      node: 'blog/namespace',
      max: 10,
    });
    expect(page.source).toBe('cache');
    expect(page.total).toBe(30);
    expect(page.items.map((i) => i.id)).toEqual(Array.from({ length: 10 }, (_, i) => `p${29 - i}`));
    const odd = await cache().getItems(account, {
      service: service(),
      node: 'blog/namespace',
      max: 100,
      conditions: [{ field: 'category', op: '==', value: 'odd' }],
    });
    expect(odd.total).toBe(15);
  });

  it('never syncs a node no analyser recognises: reads go to the server', async () => {
    await publisher.createNode(service(), 'misc/other', { 'pubsub#access_model': 'open' });
    await publisher.publish(
      service(),
      'misc/other',
      'x1',
      xml('thing', { xmlns: 'urn:example:other' }, 'hello'),
    );
    const page = await cache().getItems(account, { service: service(), node: 'misc/other' });
    expect(page.source).toBe('server');
    expect(page.items.map((i) => i.id)).toEqual(['x1']);
    expect((await nodes().get(key('misc/other')))?.syncState).toBe('noSync');
  });

  it('follows live publish, retract and purge within a second, and fetches payload-less notifications', async () => {
    await createBlog('blog/live', 3);
    await syncCompletely('blog/live');
    await publisher.publish(service(), 'blog/live', 'new1', atomEntry('new1', { title: 'Fresh' }));
    await expect
      .poll(() => items().getItem(account, service(), 'blog/live', 'new1'), {
        timeout: 1000,
        interval: 20,
      })
      .toMatchObject({ itemId: 'new1' });
    await publisher.retract(service(), 'blog/live', 'p0');
    await expect
      .poll(() => items().getItem(account, service(), 'blog/live', 'p0'), {
        timeout: 1000,
        interval: 20,
      })
      .toBeUndefined();
    // XEP-0060 §7.1.2.2: notifications without payload must be fetched, not stored empty.
    await publisher.createNode(service(), 'blog/live', {
      'pubsub#deliver_payloads': '0',
      'pubsub#max_items': '10000',
      'pubsub#access_model': 'open',
    });
    await publisher.publish(
      service(),
      'blog/live',
      'bare1',
      atomEntry('bare1', { title: 'Fetched' }),
    );
    await expect
      .poll(
        async () => (await items().getItem(account, service(), 'blog/live', 'bare1'))?.xml ?? '',
        { timeout: 2000, interval: 20 },
      )
      .toContain('Fetched');
    await publisher.purge(service(), 'blog/live');
    await expect
      .poll(() => items().countItems(account, service(), 'blog/live'), {
        timeout: 1000,
        interval: 20,
      })
      .toBe(0);
  });

  it('catches up exactly after being offline: 20 published and 3 retracted while away', async () => {
    await createBlog('blog/away', 10);
    await syncCompletely('blog/away');
    await satchel.disconnect();
    await publisher.publishMany(
      service(),
      'blog/away',
      Array.from({ length: 20 }, (_, i) => ({ id: `away${i}`, payload: atomEntry(`away${i}`) })),
    );
    for (const id of ['p1', 'away3', 'away7']) await publisher.retract(service(), 'blog/away', id);
    await satchel.connect();
    await cache().onSessionStarted(account, false);
    const expected = [
      ...Array.from({ length: 10 }, (_, i) => `p${i}`),
      ...Array.from({ length: 20 }, (_, i) => `away${i}`),
    ]
      .filter((id) => !['p1', 'away3', 'away7'].includes(id))
      .sort();
    expect((await items().listItemIds(account, service(), 'blog/away')).sort()).toEqual(expected);
  });

  it('catches up a 2,000-item node with 3 changes in one listing and one small fetch', async () => {
    const node = 'blog/two-thousand';
    await createBlog(node, 2000);
    const sent: Element[] = [];
    const own = await createSatchel(
      prosody,
      { jid: account, password: 'pw-sat' },
      await openTestDb(),
      {
        iq: () => ({
          request: (stanza, timeoutMs) => {
            sent.push(stanza);
            // Called only once createSatchel has returned (the harness connects without it).
            return own.live.iqCaller.request(stanza, timeoutMs);
          },
        }),
      },
    );
    try {
      await own.cache.follow(account, { service: service(), node });
      await expect
        .poll(async () => (await own.nodes.get(key(node)))?.syncState, { timeout: 90_000 })
        .toBe('completed');
      await own.disconnect();
      // While away: one post published, one edited (same id, XEP-0060 §7.1.2), one retracted.
      await publisher.publish(service(), node, 'new', atomEntry('new'));
      await publisher.publish(service(), node, 'p500', atomEntry('p500', { title: 'Edited' }));
      await publisher.retract(service(), node, 'p1200');
      await own.connect();
      sent.length = 0;
      await own.cache.onSessionStarted(account, false);
      const asked = sent.map((stanza) => {
        const query = stanza.getChild('query');
        if (query) return `list ${String(query.attrs.node)}`;
        const items = stanza.getChild('pubsub')?.getChild('items');
        return `items ${items?.getChildren('item').length ?? 'all'}`;
      });
      // The new post, the edit, and the newest five again (planCatchUp.ts), in one request.
      expect(asked).toEqual([`list ${node}`, 'items 5']);
      const serverIds = (await publisher.items(service(), node)).map((i) => String(i.attrs.id));
      expect((await own.items.listItemIds(account, service(), node)).sort()).toEqual(
        serverIds.sort(),
      );
      const [edited] = await own.items.getItems(account, service(), node, ['p500']);
      expect(edited?.xml).toContain('Edited');
      const record = await own.nodes.get(key(node));
      expect(record?.catchUp).toBeUndefined();
      expect(record?.lastSyncAt).toBeGreaterThan(0);
    } finally {
      await own.disconnect();
    }
  }, 180_000);

  it('stores a sync first and indexes its words once it completed (schema v6)', async () => {
    await createBlog('blog/words', 250);
    let queuedAtCompletion: Promise<boolean> | undefined;
    let indexed!: () => void;
    const wordsIndexed = new Promise<void>((resolve) => {
      indexed = resolve;
    });
    const db = await openTestDb();
    const maintenance = createMaintenanceStore({ db, timeFieldsOf: () => undefined });
    const own = await createSatchel(prosody, { jid: account, password: 'pw-sat' }, db, {
      emitNode: (_account, record) => {
        // The word indexer starts only once no sync runs: at this moment nothing is indexed.
        if (record.node === 'blog/words' && record.syncState === 'completed')
          queuedAtCompletion ??= maintenance.hasQueuedWords(account);
      },
      emitWordsIndexed: () => indexed(),
    });
    try {
      await own.cache.follow(account, { service: service(), node: 'blog/words' });
      await expect.poll(() => queuedAtCompletion, { timeout: 60_000 }).toBeDefined();
      expect(await queuedAtCompletion).toBe(true);
      const search = (text: string) =>
        maintenance.search({
          account,
          text,
          orderBy: 'relevance',
          direction: 'desc',
          offset: 0,
          max: 20,
        });
      await withTimeout(wordsIndexed, 30_000, () => 'no wordsIndexed event in 30 s');
      expect(await maintenance.hasQueuedWords(account)).toBe(false);
      const found = await search('post');
      expect(found.total).toBe(250);
      expect((await search('p249')).items.map((i) => i.itemId)).toEqual(['p249']);
    } finally {
      await own.disconnect();
      db.close();
    }
  });
});
