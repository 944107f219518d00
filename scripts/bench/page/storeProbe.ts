/**
 * Where a sync batch's time goes beyond fetching it, measured in the page on the worker's own
 * database with the app's own code (page and worker run the same engine and the same schema
 * module): parsing the items as the cache does (src/cache/toNewItem), building the item rows
 * (src/db/itemRows mergeItemRow), storing them through the item store (src/db upsertItems:
 * rows, every index, the search entries and bookkeeping, whatever the schema version), and the
 * same rows put with raw IndexedDB into the items table alone (no search entries, no Dexie
 * middleware). A scratch node, purged afterwards.
 */
import parse from 'ltx/lib/parse.js';
import { microblogAnalyser } from '../../../src/analysers/microblog/microblogAnalyser';
import { toNewItem } from '../../../src/cache/toNewItem';
import { createItemStore } from '../../../src/db/itemStore';
import { mergeItemRow } from '../../../src/db/itemRows';
import { openSatchelDb } from '../../../src/db/openSatchelDb';
import type { RpcClient } from '../../../src/rpc/client/createRpcClient';
import type { NewItem } from '../../../src/shared/records';
import { itemSearchText } from '../../../src/search/itemSearchText';
import { searchTermKeys } from '../../../src/search/searchTermKeys';
import { searchDocOf } from '../../../src/db/search';

export interface StoreProbeResult {
  items: number;
  /** Per batch of `items` (ms): XML text to element, then toNewItem (serialise, Atom parse). */
  parseMs: number;
  /** mergeItemRow alone: the item rows with their field keys. */
  rowsMs: number;
  /** itemStore.upsertItems: what the sync's store of a batch costs (medians of 3). */
  upsertMs: number;
  /** The rows alone, one raw IndexedDB transaction on the items table (medians of 3). */
  rawItemsPutMs: number;
  /** upsertItems as a sync's batch calls it: words queued for the indexer (medians of 3). */
  upsertQueuedMs: number;
  /** The word indexer's step over those queued docs afterwards (medians of 3). */
  indexQueuedMs: number;
  /** The words of the batch, tokenized (searchTermKeys over itemSearchText): CPU only. */
  wordsMs: number;
  /** The item rows and their search docs with words, raw IndexedDB, one transaction: what the
   * two tables cost without the word index, the counts and Dexie (medians of 3). */
  rawItemsAndDocsPutMs: number;
  /** structuredClone of the batch as ItemViews (each fetch-only answer to the page). */
  cloneMs: number;
}

const SCRATCH = 'satchel-bench/store-probe';
const median = (v: number[]): number =>
  [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

export async function storeProbe(
  rpc: RpcClient,
  at: { account: string; service: string; node: string },
  count = 100,
): Promise<StoreProbeResult> {
  const page = await rpc.call('pubsub.getItems', {
    service: at.service,
    node: at.node,
    max: count,
  });
  const context = { service: at.service, node: SCRATCH, analyser: microblogAnalyser };
  let started = performance.now();
  const items = page.items
    .map((view) => toNewItem(parse(view.xml), context))
    .filter((item): item is NewItem => item !== undefined);
  const parseMs = performance.now() - started;
  const scratch = { account: at.account, service: at.service, node: SCRATCH };
  started = performance.now();
  const rows = items.map((item, i) => mergeItemRow(scratch, item, undefined, 1e12 + i, Date.now()));
  const rowsMs = performance.now() - started;
  started = performance.now();
  structuredClone(page.items);
  const cloneMs = performance.now() - started;

  started = performance.now();
  for (const row of rows) searchTermKeys(row.account, itemSearchText(row), row.created);
  const wordsMs = performance.now() - started;

  const db = await openSatchelDb();
  const store = createItemStore({ db });
  const purge = () => store.purgeNode(at.account, at.service, SCRATCH);
  const rawPut = async (): Promise<number> => {
    const begin = performance.now();
    const tx = db.backendDB().transaction('items', 'readwrite');
    const table = tx.objectStore('items');
    for (const row of rows) table.put(row);
    await done(tx);
    return performance.now() - begin;
  };
  // Docs of a node number no node has: nothing reads them, and they are deleted after.
  const SCRATCH_NUM = 2 ** 31;
  const rawWithDocs = async (): Promise<number> => {
    const begin = performance.now();
    const tx = db.backendDB().transaction(['items', 'searchDocs'], 'readwrite');
    for (const row of rows) {
      tx.objectStore('items').put(row);
      tx.objectStore('searchDocs').put(searchDocOf(SCRATCH_NUM, row));
    }
    await done(tx);
    return performance.now() - begin;
  };
  const dropScratchDocs = () =>
    db.searchDocs.where('[node+item]').between([SCRATCH_NUM, ''], [SCRATCH_NUM, '\uffff']).delete();
  try {
    const upserts: number[] = [];
    const queued: number[] = [];
    const indexed: number[] = [];
    const raws: number[] = [];
    const rawDocs: number[] = [];
    for (let i = 0; i < 3; i++) {
      await purge();
      let begin = performance.now();
      await store.upsertItems(at.account, at.service, SCRATCH, items);
      upserts.push(performance.now() - begin);
      await purge();
      begin = performance.now();
      await store.upsertItems(at.account, at.service, SCRATCH, items, { queueWords: true });
      queued.push(performance.now() - begin);
      begin = performance.now();
      // Other queued docs may come first (a sync still indexing): index until these are done.
      while (await store.indexQueuedWords(items.length)) {
        if (performance.now() - begin > 60_000) break;
      }
      indexed.push(performance.now() - begin);
      await purge();
      raws.push(await rawPut());
      await purge();
      rawDocs.push(await rawWithDocs());
      await dropScratchDocs();
    }
    return {
      items: rows.length,
      parseMs,
      rowsMs,
      upsertMs: median(upserts),
      rawItemsPutMs: median(raws),
      upsertQueuedMs: median(queued),
      indexQueuedMs: median(indexed),
      wordsMs,
      rawItemsAndDocsPutMs: median(rawDocs),
      cloneMs,
    };
  } finally {
    await purge();
    db.close();
  }
}
