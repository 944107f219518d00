/**
 * Writes a batch of items of one node in ONE read-write transaction: either the whole batch is
 * stored or nothing is (a quota abort rolls it all back), and applying the same batch again
 * leaves identical rows, because the server may replay stanzas after a resume (XEP-0198 §4).
 */
import type { NewItem } from '../shared/records';
import { applyRetention } from './applyRetention';
import { mergeItemRow } from './itemRows';
import { docChanged, searchDocOf, searchNodeNumber } from './search';
import type { ItemKey, NodeAddress, SatchelDb, StoredItem } from './SatchelDb';

/** Settings key of the last `seq` handed out (items are numbered across all nodes). */
export const ITEM_SEQ_SETTING = 'itemSeq';

export interface UpsertResult {
  /** Ids stored for the first time. */
  added: string[];
  /** Ids already stored whose XML changed. */
  changed: string[];
  /** Ids the node's retention policy removed in the same transaction (applyRetention.ts);
   * absent when none. New ids evicted at once are in neither `added` nor `changed`. */
  evicted?: string[];
}

/** The last version of each item id in the batch, in first-seen order. */
function lastOfEachId(items: readonly NewItem[]): NewItem[] {
  const byId = new Map<string, NewItem>();
  for (const item of items) byId.set(item.itemId, item);
  return [...byId.values()];
}

export interface UpsertOptions {
  /** A sync's batch: the docs' words wait for the word indexer (schema v6). */
  queueWords?: boolean;
}

export async function upsertItems(
  db: SatchelDb,
  address: NodeAddress,
  items: readonly NewItem[],
  now: number,
  options: UpsertOptions = {},
): Promise<UpsertResult> {
  const batch = lastOfEachId(items);
  const result: UpsertResult = { added: [], changed: [] };
  if (batch.length === 0) return result;
  const { account, service, node } = address;
  const keys = batch.map((item): ItemKey => [account, service, node, item.itemId]);

  // Only IndexedDB requests are awaited in here: anything else would let the transaction
  // commit half-way (platform-facts).
  await db.transaction(
    'rw',
    [db.items, db.settings, db.nodes, db.searchNodes, db.searchDocs],
    async () => {
      const stored = await db.items.bulkGet(keys);
      const counter = await db.settings.get(ITEM_SEQ_SETTING);
      const lastSeq = typeof counter?.value === 'number' ? counter.value : 0;
      let seq = lastSeq;
      const rows = batch.map((item, i): StoredItem => {
        const old = stored[i];
        if (old === undefined) {
          seq += 1;
          result.added.push(item.itemId);
        } else if (old.xml !== item.xml) {
          result.changed.push(item.itemId);
        }
        return mergeItemRow(address, item, old, seq, now);
      });
      await db.items.bulkPut(rows);
      if (seq !== lastSeq) await db.settings.put({ key: ITEM_SEQ_SETTING, value: seq });
      // The search docs of what changed, in the same transaction (issue 7, docs/search.md).
      const changedRows = rows.filter((row, i) => docChanged(stored[i], row));
      if (changedRows.length > 0) {
        const num = await searchNodeNumber(db, address);
        await db.searchDocs.bulkPut(
          changedRows.map((row) => searchDocOf(num, row, options.queueWords)),
        );
      }
      const record = await db.nodes.get([account, service, node]);
      const evicted = await applyRetention(db, address, record?.retention, now);
      if (evicted.length > 0) {
        const gone = new Set(evicted);
        result.added = result.added.filter((id) => !gone.has(id));
        result.changed = result.changed.filter((id) => !gone.has(id));
        result.evicted = evicted;
      }
    },
  );
  return result;
}
