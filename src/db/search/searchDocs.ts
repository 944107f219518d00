/**
 * The search doc of an item (schema v4): its words (src/search), its parsed fields in `created`
 * order, and what filters read, kept in `searchDocs` beside the item row. upsertItems writes the
 * docs of the items it adds or changes in its own transaction; deletions follow by themselves
 * (searchDocsSync.ts).
 */
import { itemSearchText } from '../../search/itemSearchText';
import { searchTermKeys } from '../../search/searchTermKeys';
import { isIndexableFacet } from '../itemRows';
import type { DocFacet, NodeAddress, SatchelDb, SearchDoc, StoredItem } from '../SatchelDb';

/** With `queueWords` (a sync's batch), the words wait for the word indexer (schema v6). */
export function searchDocOf(num: number, row: StoredItem, queueWords = false): SearchDoc {
  const created = Number.isFinite(row.created) ? row.created : 0;
  const seen = new Set<string>();
  const facets: DocFacet[] = [];
  for (const [field, value] of row.fields) {
    // What IndexedDB can index (NaN is no key): the entries the items' field index had.
    if (typeof field !== 'string' || !isIndexableFacet(value)) continue;
    const id = `${typeof value}\u0000${field}\u0000${String(value)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    facets.push([num, field, value, created]);
  }
  const doc: SearchDoc = {
    node: num,
    item: row.itemId,
    account: row.account,
    created,
    updated: row.updated,
    pinned: row.pinned,
    fields: row.fields,
    // Queued: not even tokenized now; the indexer reads the item again (indexQueuedWords.ts).
    terms: queueWords ? [] : searchTermKeys(row.account, itemSearchText(row), created),
    facets,
  };
  if (queueWords) doc.queued = 1;
  if (row.publisher !== undefined) doc.publisher = row.publisher;
  return doc;
}

/** The node's number, handed out on first use (one more than the highest, from the unique
 * `num` index). Inside a read-write transaction over searchNodes. */
export async function searchNodeNumber(db: SatchelDb, at: NodeAddress): Promise<number> {
  const known = await db.searchNodes.get([at.account, at.service, at.node]);
  if (known) return known.num;
  const highest = await db.searchNodes.orderBy('num').last();
  const num = (highest?.num ?? 0) + 1;
  await db.searchNodes.put({ ...at, num });
  return num;
}

/** Whether a new version of a row changes what its doc says (replays and refreshes of an
 * unchanged item rewrite nothing: a doc rewrite costs one index entry per word). The same XML
 * parsed anew (a node whose analyser gained or changed its parser, then resynced) counts:
 * the words and facets come from the parsed data. */
export function docChanged(old: StoredItem | undefined, row: StoredItem): boolean {
  return (
    old === undefined ||
    old.xml !== row.xml ||
    old.created !== row.created ||
    old.updated !== row.updated ||
    old.publisher !== row.publisher ||
    old.pinned !== row.pinned ||
    JSON.stringify(old.fields) !== JSON.stringify(row.fields) ||
    JSON.stringify(old.parsed) !== JSON.stringify(row.parsed)
  );
}
