/**
 * Keeps `searchDocs` in step with `items` when items are deleted, whatever deletes them
 * (retractions, purges, unfollow, retention, clear): a DBCore middleware (the layer Dexie's own
 * hooks use) deletes the docs of the deleted items in the same transaction, widened to the
 * search tables whenever items are written. Doc keys are [node number, item id], so an item
 * key or an item key range maps to doc keys without reading a row. Writes of items are indexed
 * by upsertItems itself (searchDocs.ts), which knows what changed.
 */
import {
  cmp,
  type DBCore,
  type DBCoreKeyRange,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import { maxKeyPart, MIN_KEY_PART } from '../keyRange';
import { ANY, EQUAL, nodeKeyOf, RANGE, widenItemWrites } from '../dbCoreHelpers';
import type { DocKey, NodeKey, SearchNodeRow } from '../SatchelDb';

const SEARCH_TABLES = ['searchDocs', 'searchNodes'];

async function deleteKeys(
  docs: DBCoreTable,
  nodes: DBCoreTable,
  trans: DBCoreTransaction,
  keys: unknown[],
) {
  const nodeKeys = new Map<string, NodeKey>();
  for (const key of keys) {
    const node = nodeKeyOf(key);
    if (node) nodeKeys.set(JSON.stringify(node), node);
  }
  if (nodeKeys.size === 0) return;
  const rows = (await nodes.getMany({ trans, keys: [...nodeKeys.values()] })) as Array<
    SearchNodeRow | undefined
  >;
  const numbers = new Map<string, number>();
  for (const row of rows)
    if (row) numbers.set(JSON.stringify([row.account, row.service, row.node]), row.num);
  const docKeys: DocKey[] = [];
  for (const key of keys) {
    const num = numbers.get(JSON.stringify(nodeKeyOf(key)));
    if (num !== undefined) docKeys.push([num, (key as unknown[])[3] as string]);
  }
  if (docKeys.length > 0) await docs.mutate({ type: 'delete', trans, keys: docKeys });
}

async function deleteRange(
  docs: DBCoreTable,
  nodes: DBCoreTable,
  trans: DBCoreTransaction,
  range: DBCoreKeyRange,
) {
  if (range.type === ANY) {
    await docs.mutate({ type: 'deleteRange', trans, range });
    return;
  }
  if (range.type === EQUAL) return deleteKeys(docs, nodes, trans, [range.lower]);
  if (range.type !== RANGE) return;
  const low = nodeKeyOf(range.lower);
  const high = nodeKeyOf(range.upper);
  if (!low || !high) {
    // Not a range of item keys as this app builds them: drop every doc rather than keep stale ones.
    await docs.mutate({
      type: 'deleteRange',
      trans,
      range: { type: ANY, lower: undefined, upper: undefined },
    });
    return;
  }
  const affected = (
    await nodes.query({
      trans,
      values: true,
      query: { index: nodes.schema.primaryKey, range: { type: RANGE, lower: low, upper: high } },
    })
  ).result as SearchNodeRow[];
  for (const row of affected) {
    const key: NodeKey = [row.account, row.service, row.node];
    const first = cmp(key, low) === 0;
    const last = cmp(key, high) === 0;
    const lower: unknown = first ? ((range.lower as unknown[])[3] ?? MIN_KEY_PART) : MIN_KEY_PART;
    const upper: unknown = last ? ((range.upper as unknown[])[3] ?? maxKeyPart()) : maxKeyPart();
    await docs.mutate({
      type: 'deleteRange',
      trans,
      range: {
        type: RANGE,
        lower: [row.num, lower],
        upper: [row.num, upper],
        lowerOpen: first && range.lowerOpen === true,
        upperOpen: last && range.upperOpen === true,
      },
    });
  }
}

export const searchDocsSync: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'searchDocsSync',
  create: (down) => {
    const hasSearch = SEARCH_TABLES.every((name) =>
      down.schema.tables.some((t) => t.name === name),
    );
    if (!hasSearch) return down; // a database declared before schema v4 (tests of old versions)
    return {
      ...down,
      transaction: widenItemWrites(down, SEARCH_TABLES),
      table: (name) => {
        const table = down.table(name);
        if (name !== 'items') return table;
        const docs = down.table('searchDocs');
        const nodes = down.table('searchNodes');
        return {
          ...table,
          mutate: async (req) => {
            if (req.type === 'delete') await deleteKeys(docs, nodes, req.trans, req.keys);
            else if (req.type === 'deleteRange')
              await deleteRange(docs, nodes, req.trans, req.range);
            return table.mutate(req);
          },
        };
      },
    };
  },
};
