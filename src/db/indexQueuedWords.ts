/**
 * The word indexer's step (schema v6): moves the words of up to `max` queued docs into their
 * `*terms` index, in one transaction. A doc rewritten or deleted meanwhile is simply whatever
 * its last transaction left: the queue is a property of the doc, not a list beside it.
 */
import { Dexie } from 'dexie';
import type { SatchelDb, SearchDoc } from './SatchelDb';

const QUEUE_INDEX = '[account+queued]';

/** Indexes the words of up to `max` queued docs; returns how many it indexed (0: none left). */
export async function indexQueuedWords(db: SatchelDb, max: number): Promise<number> {
  return db.transaction('rw', db.searchDocs, async () => {
    const docs = await db.searchDocs.orderBy(QUEUE_INDEX).limit(max).toArray();
    if (docs.length === 0) return 0;
    await db.searchDocs.bulkPut(docs.map(indexed));
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

function indexed({ queued: _queued, queuedTerms, ...doc }: SearchDoc): SearchDoc {
  return { ...doc, terms: queuedTerms ?? doc.terms };
}
