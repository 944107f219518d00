/**
 * Keeps `nodeCounts` (schema v5) exact: each node's number of items and of unread items,
 * updated in the same transaction as every write to `items`, whatever writes it (sync, events,
 * retractions, purges, retention, read marks, import, clear). A node's counts are then one row
 * to read, where counting its index ranges cost about 100 ms a count at 10,000 items in
 * Chromium here (docs/benchmarks.md), paid by every page of a feed.
 *
 * A DBCore middleware, like searchDocsSync.ts: puts read the rows they replace (the batch's
 * keys only); small deletes read the rows they delete; large deletes and range deletes count
 * the affected nodes again afterwards. Upgrade transactions pass through: a migration that
 * changes items recounts (v5 counts everything once).
 */
import type {
  DBCore,
  DBCoreAddRequest,
  DBCoreDeleteRangeRequest,
  DBCoreDeleteRequest,
  DBCoreMutateResponse,
  DBCorePutRequest,
  DBCoreTable,
  Middleware,
} from 'dexie';
import { addCountDelta, applyCountDeltas, type CountDeltas } from './applyCountDeltas';
import { nodeKeyOf, widenItemWrites } from './dbCoreHelpers';
import { COUNTS_TABLE, countedNodesIn, type CountsTables, recountNodes } from './recountNodes';
import type { NodeKey, StoredItem } from './SatchelDb';

/** Deletes of more keys than this recount their nodes instead of reading every deleted row. */
const READ_BEFORE_DELETE_LIMIT = 500;

const unreadOf = (row: StoredItem | undefined): number => (row?.read === 0 ? 1 : 0);

function distinctNodes(keys: readonly unknown[]): NodeKey[] {
  const nodes = new Map<string, NodeKey>();
  for (const key of keys) {
    const node = nodeKeyOf(key);
    if (node) nodes.set(JSON.stringify(node), node);
  }
  return [...nodes.values()];
}

/** Writes of whole rows: the difference each makes to its node, given the row it replaces. */
async function putCounted(
  t: CountsTables,
  req: DBCorePutRequest | DBCoreAddRequest,
): Promise<DBCoreMutateResponse> {
  const rows = req.values as readonly StoredItem[];
  const keys = rows.map((row) => [row.account, row.service, row.node, row.itemId]);
  const before = (await t.items.getMany({ trans: req.trans, keys })) as Array<
    StoredItem | undefined
  >;
  const response = await t.items.mutate(req);
  const deltas: CountDeltas = new Map();
  // The same key twice in one batch: the second replaces the first, not the stored row.
  const current = new Map<string, StoredItem | undefined>();
  rows.forEach((row, i) => {
    if (response.failures[i]) return;
    const id = JSON.stringify(keys[i]);
    const old = current.has(id) ? current.get(id) : before[i];
    current.set(id, row);
    addCountDelta(deltas, [row.account, row.service, row.node], {
      items: old === undefined ? 1 : 0,
      unread: unreadOf(row) - unreadOf(old),
    });
  });
  await applyCountDeltas(t.counts, req.trans, deltas);
  return response;
}

async function deleteCounted(
  t: CountsTables,
  req: DBCoreDeleteRequest,
): Promise<DBCoreMutateResponse> {
  const { trans, keys } = req;
  if (keys.length > READ_BEFORE_DELETE_LIMIT) {
    const response = await t.items.mutate(req);
    await recountNodes(t, trans, distinctNodes(keys));
    return response;
  }
  const before = (await t.items.getMany({ trans, keys })) as Array<StoredItem | undefined>;
  const response = await t.items.mutate(req);
  const deltas: CountDeltas = new Map();
  const seen = new Set<string>();
  before.forEach((row, i) => {
    const id = JSON.stringify(keys[i]);
    if (!row || response.failures[i] || seen.has(id)) return;
    seen.add(id);
    addCountDelta(deltas, [row.account, row.service, row.node], {
      items: -1,
      unread: -unreadOf(row),
    });
  });
  await applyCountDeltas(t.counts, trans, deltas);
  return response;
}

async function deleteRangeCounted(
  t: CountsTables,
  req: DBCoreDeleteRangeRequest,
): Promise<DBCoreMutateResponse> {
  const nodes = await countedNodesIn(t, req.trans, req.range);
  const response = await t.items.mutate(req);
  await recountNodes(t, req.trans, nodes);
  return response;
}

function countingTable(t: CountsTables): DBCoreTable {
  return {
    ...t.items,
    mutate: (req) => {
      if ((req.trans as unknown as IDBTransaction).mode === 'versionchange')
        return t.items.mutate(req);
      switch (req.type) {
        case 'add':
        case 'put':
          if (req.values.length > 0) return putCounted(t, req);
          // A put of `updates` only (no whole rows): count its nodes afterwards.
          return t.items.mutate(req).then(async (response) => {
            const keys = (req.type === 'put' ? req.updates?.keys : undefined) ?? req.keys ?? [];
            await recountNodes(t, req.trans, distinctNodes(keys));
            return response;
          });
        case 'delete':
          return deleteCounted(t, req);
        case 'deleteRange':
          return deleteRangeCounted(t, req);
      }
    },
  };
}

export const nodeCountsSync: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'nodeCountsSync',
  create: (down) => {
    if (!down.schema.tables.some((table) => table.name === COUNTS_TABLE)) return down; // < v5
    return {
      ...down,
      transaction: widenItemWrites(down, [COUNTS_TABLE]),
      table: (name) => {
        const table = down.table(name);
        if (name !== 'items') return table;
        return countingTable({ items: table, counts: down.table(COUNTS_TABLE) });
      },
    };
  },
};
