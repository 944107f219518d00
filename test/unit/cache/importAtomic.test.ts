/**
 * Issue 15 "Import files": an import that fails half-way (here the second node's write, as a
 * full disk would) leaves the database exactly as it was, compared as a dump of every store,
 * and announces nothing.
 */
import { expect, test } from 'vitest';
import { createAnalyserRegistry } from '../../../src/analysers/analyserRegistry';
import { registerBuiltinAnalysers } from '../../../src/analysers/builtinAnalysers';
import { createCacheManager } from '../../../src/cache/createCacheManager';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../../src/cache/cacheExportFormat';
import { createMaintenanceStore } from '../../../src/db/createMaintenanceStore';
import { exportRawDatabase } from '../../../src/db/exportRawDatabase';
import { inOneTransaction } from '../../../src/db/inOneTransaction';
import { createItemStore } from '../../../src/db/itemStore';
import { createNodeStore } from '../../../src/db/nodeStore';
import { openSatchelDb } from '../../../src/db/openSatchelDb';
import type { ItemsChangedEvent } from '../../../src/shared/protocol';
import { SatchelError } from '../../../src/shared/SatchelError';
import { ALICE, BLOG, isolatedDb, nodeRecord, PUBSUB } from '../db/fixtures';

const ATOM = 'http://www.w3.org/2005/Atom';
const registry = createAnalyserRegistry({ onError: () => undefined });
registerBuiltinAnalysers(registry);

const item = (id: string, pinned = false) => ({
  id,
  xml: `<item xmlns="http://jabber.org/protocol/pubsub" id="${id}"><entry xmlns="${ATOM}"><title>${id}</title><published>2026-01-01T00:00:00Z</published></entry></item>`,
  created: 1,
  updated: 1,
  read: true,
  pinned,
});

/** Every store of the database, without the dump's own time. */
async function dump(options: ReturnType<typeof isolatedDb>): Promise<unknown> {
  const raw = JSON.parse(await exportRawDatabase(options.name, options.indexedDB)) as {
    exportedAt?: string;
  };
  delete raw.exportedAt;
  return raw;
}

test('an import failing in its second node leaves the cache exactly as before', async () => {
  const options = isolatedDb();
  const db = await openSatchelDb(options);
  const nodes = createNodeStore({ db });
  const items = createItemStore({ db });
  const maintenance = createMaintenanceStore({ db });
  await nodes.put(nodeRecord({ service: ALICE, node: BLOG, analyser: 'microblog' }));
  await items.upsertItems(ALICE, ALICE, BLOG, [
    { itemId: 'kept', xml: '<item id="kept"/>', created: 1 },
  ]);
  const events: ItemsChangedEvent[] = [];
  const manager = createCacheManager({
    nodes,
    items,
    maintenance: {
      ...maintenance,
      // The second node's pins fail as a full disk would, after the first node was written.
      setPinned: (at, ids, pinned) =>
        at.service === PUBSUB
          ? Promise.reject(new SatchelError('storage-full', 'QuotaExceededError'))
          : maintenance.setPinned(at, ids, pinned),
    },
    registry,
    cache: {
      follow: () => Promise.reject(new Error('unused')),
      resync: () => Promise.reject(new Error('unused')),
    },
    emitItems: (e) => events.push(e),
    atomically: (work) => inOneTransaction(db, work),
    now: () => 1,
  });
  const file = JSON.stringify({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: '2026-12-04T00:00:00Z',
    account: ALICE,
    nodes: [
      {
        service: ALICE,
        node: BLOG,
        followed: true,
        analyser: 'microblog',
        items: [item('a', true), item('b')],
      },
      {
        service: PUBSUB,
        node: 'news',
        followed: true,
        analyser: 'microblog',
        items: [item('c', true)],
      },
    ],
  });
  const before = await dump(options);
  await expect(manager.importAll(ALICE, file, {})).rejects.toMatchObject({ code: 'storage-full' });
  expect(await dump(options)).toEqual(before);
  expect(events).toEqual([]);
  db.close();
});
