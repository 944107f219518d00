/**
 * One page of a node's items in an order, with Result Set Management paging (XEP-0059 §2) and
 * conditions on parsed fields. Rows are loaded for the returned page only: the first page of an
 * unconditioned query is a bounded index range; anything else orders the node's primary keys
 * (keys only, from the order index), filters them through the field index, then loads the page;
 * conditions that leave few candidates order those rows instead (orderFewMatches.ts), and an
 * equality in `created` order reads the search docs' facet index (idsByCreatedWithValue.ts).
 */
import type { FieldCondition, ItemPage, ItemQuery } from '../../shared/itemQuery';
import { SatchelError } from '../../shared/SatchelError';
import { matchConditions } from './fieldConditions';
import { fewEnough, orderFewMatches } from './orderFewMatches';
import { idsByCreatedWithValue } from './idsByCreatedWithValue';
import { equalityValue } from './operators';
import { toItemRecord } from '../itemRows';
import { prefixRange } from '../keyRange';
import type { ItemKey, SatchelDb, StoredItem } from '../SatchelDb';
import { validateItemQuery } from './validateItemQuery';

const hasEqualityValue = (c: FieldCondition): boolean => equalityValue(c) !== undefined;

function toPage(
  rows: ReadonlyArray<StoredItem | undefined>,
  total: number,
  index: number,
): ItemPage {
  const items = rows.filter((row) => row !== undefined).map(toItemRecord);
  const page: ItemPage = { items, total, index };
  const first = items[0];
  const last = items[items.length - 1];
  if (first) page.first = first.itemId;
  if (last) page.last = last.itemId;
  return page;
}

/** The window [start, end) of `ids` that the query's cursors select. */
function selectWindow(ids: readonly string[], q: ItemQuery): [start: number, end: number] {
  const positionOf = (cursor: string, name: string): number => {
    const position = ids.indexOf(cursor);
    // XEP-0059 §2.2: a cursor that is not in the result set is item-not-found.
    if (position < 0) throw new SatchelError('item-not-found', `${name}: ${cursor}`);
    return position;
  };
  let start =
    q.after !== undefined ? positionOf(q.after, 'after') + 1 : Math.min(q.index ?? 0, ids.length);
  let end = ids.length;
  if (q.before !== undefined && q.before !== '') end = positionOf(q.before, 'before');
  if (q.before !== undefined && q.after === undefined) {
    start = Math.max(0, end - q.max); // the page that ends just before `before`
  } else {
    end = Math.min(end, start + q.max);
  }
  return [start, Math.max(start, end)];
}

export async function queryItems(db: SatchelDb, q: ItemQuery): Promise<ItemPage> {
  validateItemQuery(q);
  const [lower, upper] = prefixRange([q.account, q.service, q.node], 1);
  const inOrder = () => {
    const range = db.items
      .where(`[account+service+node+${q.orderBy}]`)
      .between(lower, upper, true, true);
    return q.direction === 'desc' ? range.reverse() : range;
  };
  const conditions = q.conditions ?? [];
  /** The node's item count, from its counts row (schema v5). */
  const itemCount = async () =>
    (await db.nodeCounts.get([q.account, q.service, q.node]))?.items ?? 0;

  /** The window of `ids` (the whole ordered result) that the query asks for, with its rows. */
  const pageOf = async (ids: readonly string[]): Promise<ItemPage> => {
    const [start, end] = selectWindow(ids, q);
    const pageKeys = ids.slice(start, end).map((id): ItemKey => [q.account, q.service, q.node, id]);
    const rows = pageKeys.length === 0 ? [] : await db.items.bulkGet(pageKeys);
    return toPage(rows, ids.length, start);
  };

  // Read-only transaction: the count, the keys and the page come from one snapshot.
  const tables = [db.items, db.nodeCounts, db.searchNodes, db.searchDocs];
  return db.transaction('r', tables, async () => {
    // The common case, newest N: a bounded index range (an offset is not: Dexie would walk a
    // cursor over the skipped rows' values), and the total from the node's counts row (v5).
    if (conditions.length === 0 && q.after === undefined && q.before === undefined && !q.index) {
      const total = await itemCount();
      const rows = q.max === 0 ? [] : await inOrder().limit(q.max).toArray();
      return toPage(rows, total, 0);
    }

    // Newest first with `field == value`: the search docs list its matches in that order.
    const equality = q.orderBy === 'created' ? conditions.find(hasEqualityValue) : undefined;
    const value = equality && equalityValue(equality);
    if (equality && value !== undefined) {
      const ordered = await idsByCreatedWithValue(db, q, equality.field, value);
      if (ordered) {
        const others = conditions.filter((c) => c !== equality);
        if (others.length === 0) return pageOf(ordered);
        const { matches } = await matchConditions(db, q, others);
        return pageOf(ordered.filter(matches));
      }
    }

    const conditioned =
      conditions.length > 0 ? await matchConditions(db, q, conditions) : undefined;
    // Only conditions need the node's size (cursor pages read its keys anyway).
    if (conditioned?.smallest && fewEnough(conditioned.smallest.size, await itemCount())) {
      const rows = await orderFewMatches(db, q, conditioned.smallest, conditioned.matches);
      const [start, end] = selectWindow(
        rows.map((row) => row.itemId),
        q,
      );
      return toPage(rows.slice(start, end), rows.length, start);
    }
    const keys: ItemKey[] = await inOrder().primaryKeys();
    const ids = keys.map((key) => key[3]);
    return pageOf(conditioned ? ids.filter(conditioned.matches) : ids);
  });
}
