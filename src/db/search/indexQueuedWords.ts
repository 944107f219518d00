/**
 * The word indexer's step (schema v6): indexes the words of up to `max` queued docs, in one
 * transaction. A sync queued them without even tokenizing (searchDocs.ts): each doc is written
 * again from its item row, as upsertItems writes a doc that is not queued. A doc rewritten or
 * deleted meanwhile is whatever its last transaction left: the queue is a property of the doc.
 */
import { Dexie } from 'dexie';
import type { ItemKey, SatchelDb, SearchDoc, SearchNodeRow } from '../SatchelDb';
import { searchDocOf } from './searchDocs';

const QUEUE_INDEX = '[account+queued]';

/** Indexes the words of up to `max` queued docs; returns how many it indexed (0: none left). */
export async function indexQueuedWords(db: SatchelDb, max: number): Promise<number> {
  // Looked at read-only first: the indexer looks at every engine start, and a read-write
  // transaction would hold back the reads of a cold start for nothing.
  const first = await db.searchDocs.orderBy(QUEUE_INDEX).limit(1).primaryKeys();
  if (first.length === 0) return 0;
  return db.transaction('rw', [db.searchDocs, db.items, db.searchNodes], async () => {
    const docs = await db.searchDocs.orderBy(QUEUE_INDEX).limit(max).toArray();
    if (docs.length === 0) return 0;
    const nums = [...new Set(docs.map((doc) => doc.node))];
    const nodes = new Map<number, SearchNodeRow>();
    for (const node of await db.searchNodes.where('num').anyOf(nums).toArray())
      nodes.set(node.num, node);
    const keys = docs.map((doc): ItemKey => {
      const at = nodes.get(doc.node);
      return [doc.account, at?.service ?? '', at?.node ?? '', doc.item];
    });
    const rows = await db.items.bulkGet(keys);
    await db.searchDocs.bulkPut(
      docs.map((doc, i): SearchDoc => {
        const row = rows[i];
        // An item always has its doc (searchDocsSync.ts); should a row be missing all the same,
        // the doc leaves the queue with no words rather than block it.
        if (!row) return withoutQueue(doc); // a queued doc has no words yet
        return searchDocOf(doc.node, row);
      }),
    );
    return docs.length;
  });
}

/** Whether some doc of the account still waits for the word indexer (one key read at most). */
export async function hasQueuedWords(db: SatchelDb, account: string): Promise<boolean> {
  const first = await db.searchDocs
    .where(QUEUE_INDEX)
    .between([account, Dexie.minKey], [account, Dexie.maxKey])
    .limit(1)
    .primaryKeys();
  return first.length > 0;
}

function withoutQueue({ queued: _queued, ...doc }: SearchDoc): SearchDoc {
  return doc;
}
