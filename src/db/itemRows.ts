/**
 * Conversions between item records and stored rows: the merge of a new version of an item into
 * its stored row that makes upserts idempotent. (Rows stored before schema v8 may still carry
 * `fieldKeys`, the entries of an index v8 dropped: the public shape leaves them out.)
 */
import type { FacetValue, ItemRecord, NewItem } from '../shared/records';
import type { NodeAddress, StoredItem } from './SatchelDb';

/** A value IndexedDB accepts as a key part (NaN is not a valid key). */
export function isIndexableFacet(value: unknown): value is FacetValue {
  return typeof value === 'string' || (typeof value === 'number' && !Number.isNaN(value));
}

function estimateSize(item: NewItem): number {
  if (item.parsed === undefined) return item.xml.length * 2; // UTF-16
  let parsedLength = 0;
  try {
    // undefined for a value JSON cannot represent, despite the declared return type.
    const json = JSON.stringify(item.parsed) as string | undefined;
    parsedLength = json?.length ?? 0;
  } catch {
    // Not JSON-compatible (against the contract): the XML alone is a fair estimate.
  }
  return (item.xml.length + parsedLength) * 2; // UTF-16
}

/**
 * The row to store for `item`, given the stored row it replaces. What the store assigned on
 * first sight stays (seq, read, first-seen `created`), and `updated` only moves when the XML
 * changed, so the same stanza applied twice leaves the same row (XEP-0198 replays, §4).
 */
export function mergeItemRow(
  address: NodeAddress,
  item: NewItem,
  stored: StoredItem | undefined,
  nextSeq: number,
  now: number,
): StoredItem {
  const created = item.created ?? stored?.created ?? now;
  const unchanged = stored !== undefined && stored.xml === item.xml;
  const updated =
    item.updated ?? (stored === undefined ? created : unchanged ? stored.updated : now);
  const fields = item.fields ?? [];
  const row: StoredItem = {
    ...address,
    itemId: item.itemId,
    xml: item.xml,
    created,
    updated,
    seq: stored?.seq ?? nextSeq,
    fields,
    size: item.size ?? estimateSize(item),
    read: stored?.read ?? 0,
    pinned: stored?.pinned ?? 0,
  };
  if (item.parsed !== undefined) row.parsed = item.parsed;
  if (item.parseError !== undefined) row.parseError = item.parseError;
  const publisher = item.publisher ?? stored?.publisher;
  if (publisher !== undefined) row.publisher = publisher;
  return row;
}

/** The public shape: without the derived index entries. */
export function toItemRecord(row: StoredItem): ItemRecord {
  const record: ItemRecord & { fieldKeys?: unknown } = { ...row };
  delete record.fieldKeys;
  return record;
}
