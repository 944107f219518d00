/**
 * Where a cached read's time goes, measured in the page on the worker's own database (same
 * origin, same engine) with raw IndexedDB: the requests the item store makes for the newest
 * page of a node and for the node's counts (src/db/itemStore.ts, queryItems.ts,
 * createPubsubCache.ts view()). Read-only.
 */
export interface ProbeTimings {
  /** itemStore.countItems: count of the node's primary-key range. */
  countByPrimaryKey: number;
  /** queryItems' total: count of the node's range of the `created` index. */
  countByCreatedIndex: number;
  /** itemStore.unreadCount: count on the `read` index. */
  countUnread: number;
  /** The newest 20 rows through the `created` index (a reverse cursor). */
  newest20Rows: number;
  /** structuredClone of those 20 rows (what postMessage does with the answer). */
  clone20Rows: number;
  /** Average size of one of those rows as JSON (characters). */
  rowJsonChars: number;
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openCurrent(): Promise<IDBDatabase> {
  return request(indexedDB.open('satchel'));
}

async function newest(index: IDBIndex, range: IDBKeyRange, count: number): Promise<unknown[]> {
  const rows: unknown[] = [];
  return new Promise((resolve, reject) => {
    const cursor = index.openCursor(range, 'prev');
    cursor.onerror = () => reject(cursor.error ?? new Error('cursor failed'));
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c || rows.length >= count) {
        resolve(rows);
        return;
      }
      rows.push(c.value);
      c.continue();
    };
  });
}

export async function idbProbe(
  address: { account: string; service: string; node: string },
  repeats = 7,
): Promise<ProbeTimings> {
  const db = await openCurrent();
  try {
    const { account, service, node } = address;
    const nodeRange = IDBKeyRange.bound(
      [account, service, node, -Infinity],
      [account, service, node, []],
    );
    const time = async (run: (store: IDBObjectStore) => Promise<unknown>): Promise<number> => {
      const ms: number[] = [];
      for (let i = 0; i < repeats; i++) {
        const store = db.transaction('items', 'readonly').objectStore('items');
        const started = performance.now();
        await run(store);
        ms.push(performance.now() - started);
      }
      return median(ms);
    };
    const sample = await newest(
      db
        .transaction('items', 'readonly')
        .objectStore('items')
        .index('[account+service+node+created]'),
      nodeRange,
      20,
    );
    return {
      countByPrimaryKey: await time((s) => request(s.count(nodeRange))),
      countByCreatedIndex: await time((s) =>
        request(s.index('[account+service+node+created]').count(nodeRange)),
      ),
      countUnread: await time((s) =>
        request(
          s
            .index('[account+service+node+read]')
            .count(IDBKeyRange.only([account, service, node, 0])),
        ),
      ),
      newest20Rows: await time((s) =>
        newest(s.index('[account+service+node+created]'), nodeRange, 20),
      ),
      clone20Rows: await time(() => Promise.resolve(structuredClone(sample))),
      rowJsonChars: Math.round(JSON.stringify(sample).length / Math.max(1, sample.length)),
    };
  } finally {
    db.close();
  }
}
