/**
 * The items of a node that satisfy conditions on parsed fields, in the query's order, when the
 * conditions leave few candidates: their rows are read and sorted, rather than every key of the
 * node's order index (at 100,000 items, reading those keys took 3.4 s in Chromium here, for a
 * category on 1 post in 100).
 */
import { cmp } from 'dexie';
import type { ItemQuery } from '../../shared/itemQuery';
import type { ItemKey, SatchelDb, StoredItem } from '../SatchelDb';

/** Up to this many candidates are read as rows (a few ms per hundred in Chromium here)... */
export const FEW_MATCHES = 2_000;
/** ...and only when the node has this many times more items: a row costs more than a key. */
export const ROWS_PER_KEYS = 20;

export const fewEnough = (candidates: number, nodeItems: number): boolean =>
  candidates <= FEW_MATCHES && candidates * ROWS_PER_KEYS <= nodeItems;

export async function orderFewMatches(
  db: SatchelDb,
  q: ItemQuery,
  candidates: ReadonlySet<string>,
  matches: (itemId: string) => boolean,
): Promise<StoredItem[]> {
  const keys = [...candidates]
    .filter(matches)
    .map((id): ItemKey => [q.account, q.service, q.node, id]);
  const rows = (await db.items.bulkGet(keys)).filter((row) => row !== undefined);
  // The order index's own order: the field, then the primary key; desc reverses both.
  const direction = q.direction === 'desc' ? -1 : 1;
  rows.sort((a, b) => direction * (cmp(a[q.orderBy], b[q.orderBy]) || cmp(a.itemId, b.itemId)));
  return rows;
}
