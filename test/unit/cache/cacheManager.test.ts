/** The cache manager over fake-indexeddb stores: Atom export, export/import, reset, events. */
import parse from 'ltx/lib/parse.js';
import { beforeEach, describe, expect, test } from 'vitest';
import { createAnalyserRegistry } from '../../../src/analysers/analyserRegistry';
import { registerBuiltinAnalysers } from '../../../src/analysers/builtinAnalysers';
import { createCacheManager, type CacheManager } from '../../../src/cache/createCacheManager';
import { toNewItem } from '../../../src/cache/toNewItem';
import { createMaintenanceStore } from '../../../src/db/createMaintenanceStore';
import { inOneTransaction } from '../../../src/db/inOneTransaction';
import { createItemStore, type ItemStore } from '../../../src/db/itemStore';
import { createNodeStore, type NodeStore } from '../../../src/db/nodeStore';
import { openSatchelDb } from '../../../src/db/openSatchelDb';
import type { ItemsChangedEvent, NodeAddress, NodeView } from '../../../src/shared/protocol';
import { ALICE, BOB, BLOG, isolatedDb, nodeRecord } from '../db/fixtures';

const ATOM = 'http://www.w3.org/2005/Atom';
const registry = createAnalyserRegistry({ onError: () => undefined });
registerBuiltinAnalysers(registry);
const blog: NodeAddress = { service: ALICE, node: BLOG };

function entryItem(id: string, title: string, published: string, extra = ''): string {
  return `<item xmlns="http://jabber.org/protocol/pubsub" id="${id}" publisher="${ALICE}"><entry xmlns="${ATOM}"><title>${title}</title><published>${published}</published>${extra}<content type="text">Body of ${id} &amp; more</content></entry></item>`;
}

const view = (at: NodeAddress, isFollowed: boolean): NodeView => ({
  ...at,
  syncState: 'pending',
  syncStateAt: 0,
  subscription: 'none',
  followed: isFollowed,
});

let manager: CacheManager;
let items: ItemStore;
let nodes: NodeStore;
let events: ItemsChangedEvent[];
let followed: string[];

async function store(address: NodeAddress, xmls: string[], account = ALICE) {
  const analyser = registry.get('microblog');
  const rows = xmls.map((x) => toNewItem(parse(x), { ...address, analyser })!);
  await items.upsertItems(account, address.service, address.node, rows);
}

beforeEach(async () => {
  const db = await openSatchelDb(isolatedDb());
  items = createItemStore({ db });
  nodes = createNodeStore({ db });
  events = [];
  followed = [];
  manager = createCacheManager({
    nodes,
    items,
    maintenance: createMaintenanceStore({ db }),
    registry,
    cache: {
      follow: (account, at) => {
        followed.push(`follow ${account} ${at.node}`);
        return Promise.resolve(view(at, true));
      },
      resync: (account, at) => {
        followed.push(`resync ${account} ${at.node}`);
        return Promise.resolve(view(at, false));
      },
    },
    emitItems: (e) => events.push(e),
    atomically: (work) => inOneTransaction(db, work),
    now: () => Date.UTC(2026, 10, 1),
  });
  await nodes.put(
    nodeRecord({
      ...blog,
      analyser: 'microblog',
      type: 'blog',
      followed: true,
      config: { title: 'Alice <& "Co">' },
    }),
  );
  await store(blog, [
    entryItem('p1', 'First &lt;post&gt;', '2026-01-01T00:00:00Z'),
    entryItem('p2', 'Second', '2026-02-01T00:00:00Z', '<id>tag:x,2026:p2</id>'),
  ]);
  await items.upsertItems(ALICE, ALICE, BLOG, [
    {
      itemId: 'raw',
      xml: `<item id="raw"><tune xmlns="http://jabber.org/protocol/tune"><title>Song &amp; dance</title></tune></item>`,
      created: 1,
    },
  ]);
});

describe('Atom export (RFC 4287)', () => {
  test('a well-formed feed: escaped title, required elements added, other payloads as XML content', async () => {
    const { atom, items: count } = await manager.exportNode(ALICE, blog);
    expect(count).toBe(3);
    expect(
      atom.startsWith(
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">',
      ),
    ).toBe(true);
    const feed = parse(atom.replace(/^<\?xml[^>]*\?>\s*/u, ''));
    expect(feed.getChildText('title')).toBe('Alice <& "Co">');
    expect(feed.getChildText('id')).toBe(`xmpp:${ALICE}?;node=urn%3Axmpp%3Amicroblog%3A0`);
    const entries = feed.getChildren('entry');
    expect(entries.map((e) => e.getChildText('title'))).toEqual(['Second', 'First <post>', 'raw']);
    for (const entry of entries) {
      expect(entry.getChild('id')?.getText()).toBeTruthy();
      expect(entry.getChild('updated')?.getText()).toMatch(/^\d{4}-\d\d-\d\dT/u);
    }
    expect(entries[0]?.getChildText('id')).toBe('tag:x,2026:p2');
    const raw = entries[2]?.getChild('content');
    expect(raw?.attrs.type).toBe('application/xml');
    expect(raw?.getChild('tune', 'http://jabber.org/protocol/tune')?.getChildText('title')).toBe(
      'Song & dance',
    );
    await expect(manager.exportNode(ALICE, { service: ALICE, node: 'nope' })).rejects.toMatchObject(
      { code: 'item-not-found' },
    );
  });
});

describe('export and import of the whole cache', () => {
  test('round trip into an empty cache: nodes, items, read and pinned flags; searchable again', async () => {
    await items.setRead(ALICE, ALICE, BLOG, ['p1'], true);
    await manager.pin(ALICE, blog, ['p2'], true);
    const { json, nodes: n, items: count } = await manager.exportAll(ALICE);
    expect({ n, count }).toEqual({ n: 1, count: 3 });
    expect(JSON.parse(json)).toMatchObject({ format: 'satchel-cache', version: 1, account: ALICE });

    await manager.clearAll(ALICE);
    expect(await items.countItems(ALICE, ALICE, BLOG)).toBe(0);
    const dry = await manager.importAll(ALICE, json, { dryRun: true });
    expect(dry).toMatchObject({
      applied: false,
      nodes: 1,
      newNodes: 1,
      items: 3,
      newItems: 3,
      conflicts: 0,
    });
    expect(await items.countItems(ALICE, ALICE, BLOG)).toBe(0);
    const done = await manager.importAll(ALICE, json, {});
    expect(done).toMatchObject({ applied: true, newItems: 3 });
    const p1 = await items.getItem(ALICE, ALICE, BLOG, 'p1');
    expect(p1).toMatchObject({ read: 1, pinned: 0, created: Date.parse('2026-01-01T00:00:00Z') });
    expect((p1?.parsed as { title?: { value?: string } }).title?.value).toBe('First <post>');
    expect(await items.getItem(ALICE, ALICE, BLOG, 'p2')).toMatchObject({ pinned: 1 });
    expect(await nodes.get({ account: ALICE, ...blog })).toMatchObject({
      analyser: 'microblog',
      followed: true,
      syncState: 'completed',
    });
    expect(events.at(-1)).toMatchObject({ upserted: ['p1', 'p2', 'raw'] });
  });

  test('identical items are left alone; conflicts are skipped by default, replaced on request', async () => {
    const { json } = await manager.exportAll(ALICE);
    await store(blog, [entryItem('p1', 'Edited since', '2026-01-01T00:00:00Z')]);
    const skipped = await manager.importAll(ALICE, json, {});
    expect(skipped).toMatchObject({
      applied: true,
      identical: 2,
      conflicts: 1,
      newItems: 0,
      onConflict: 'skip',
    });
    expect(skipped.conflictSamples).toEqual([{ service: ALICE, node: BLOG, id: 'p1' }]);
    expect((await items.getItem(ALICE, ALICE, BLOG, 'p1'))?.xml).toContain('Edited since');
    await manager.importAll(ALICE, json, { onConflict: 'replace' });
    expect((await items.getItem(ALICE, ALICE, BLOG, 'p1'))?.xml).toContain('First');
  });

  test('another account’s file is imported into the signed-in one and says so', async () => {
    const { json } = await manager.exportAll(ALICE);
    const report = await manager.importAll(BOB, json, {});
    expect(report).toMatchObject({ fromAccount: ALICE, newNodes: 1, newItems: 3 });
    expect(await items.countItems(BOB, ALICE, BLOG)).toBe(3);
  });

  test('an invalid file writes nothing, whatever is wrong in it', async () => {
    const { json } = await manager.exportAll(ALICE);
    await manager.clearAll(ALICE);
    const file = JSON.parse(json) as { nodes: Array<{ items: Array<Record<string, unknown>> }> };
    const variants: Array<[string, string]> = [
      ['not JSON', '{nope'],
      ['another format', JSON.stringify({ format: 'other' })],
      ['a future version', JSON.stringify({ ...file, version: 2 })],
      [
        'malformed XML',
        JSON.stringify({
          ...file,
          nodes: [
            {
              ...file.nodes[0],
              items: [{ ...file.nodes[0]!.items[0], xml: '<item id="p1"><a></b></item>' }],
            },
          ],
        }),
      ],
      [
        'an id that is not the item’s',
        JSON.stringify({
          ...file,
          nodes: [{ ...file.nodes[0], items: [{ ...file.nodes[0]!.items[0], id: 'other' }] }],
        }),
      ],
      [
        'a repeated id',
        JSON.stringify({
          ...file,
          nodes: [{ ...file.nodes[0], items: [file.nodes[0]!.items[0], file.nodes[0]!.items[0]] }],
        }),
      ],
      [
        'bad times',
        JSON.stringify({
          ...file,
          nodes: [{ ...file.nodes[0], items: [{ ...file.nodes[0]!.items[0], created: 'soon' }] }],
        }),
      ],
      [
        'an entity',
        JSON.stringify({
          ...file,
          nodes: [
            {
              ...file.nodes[0],
              items: [
                {
                  ...file.nodes[0]!.items[0],
                  xml: '<!DOCTYPE i [<!ENTITY e "x">]><item id="p1">&e;</item>',
                },
              ],
            },
          ],
        }),
      ],
    ];
    for (const [what, text] of variants) {
      await expect(manager.importAll(ALICE, text, {}), what).rejects.toMatchObject({
        code: 'import-invalid',
      });
    }
    expect(await items.countItems(ALICE, ALICE, BLOG)).toBe(0);
    expect(await nodes.listByAccount(ALICE)).toEqual([]);
  });
});

describe('node actions', () => {
  test('reset forgets the node and follows it again; purge and retention announce removals', async () => {
    expect((await manager.reset(ALICE, blog)).followed).toBe(true);
    expect(followed).toEqual([`follow ${ALICE} ${BLOG}`]);
    expect(events.at(-1)).toMatchObject({ deleted: true, node: BLOG });
    expect(await items.countItems(ALICE, ALICE, BLOG)).toBe(0);

    await nodes.put(nodeRecord({ ...blog, type: 'blog' }));
    await store(blog, [
      entryItem('a', 'A', '2026-01-01T00:00:00Z'),
      entryItem('b', 'B', '2026-03-01T00:00:00Z'),
    ]);
    expect(await manager.purgeOlderThan(ALICE, { scope: 'all' }, Date.UTC(2026, 1, 1))).toBe(1);
    expect(events.at(-1)).toMatchObject({ retracted: ['a'] });
    await store(blog, [entryItem('c', 'C', '2026-04-01T00:00:00Z')]);
    expect(await manager.setRetention(ALICE, blog, { maxItems: 1 })).toBe(1);
    expect(events.at(-1)).toMatchObject({ retracted: ['b'] });
    const stats = await manager.stats(ALICE);
    expect(stats.nodes[0]).toMatchObject({
      itemCount: 1,
      retention: { maxItems: 1 },
      bytesExact: true,
    });
  });
});

test('stats count the items a node could not store (issue 15), for Manage to say so', async () => {
  expect((await manager.stats(ALICE)).nodes[0]?.skippedCount).toBeUndefined();
  const record = (await nodes.get({ account: ALICE, ...blog }))!;
  const skipped = { itemId: 'deep', reason: 'an item nested more than 256 elements deep', at: 1 };
  await nodes.put({ ...record, skipped: { count: 21, latest: [skipped] } });
  expect((await manager.stats(ALICE)).nodes[0]).toMatchObject({ node: BLOG, skippedCount: 21 });
});
