import type { RpcClient } from '../../../src/rpc/client/createRpcClient';
import type { NodeAddress, NodeView } from '../../../src/shared/protocol';
import { epochNow } from './epoch';

export interface SyncTiming {
  /** From sending `cache.follow` to the `node` event saying `completed`. */
  totalMs: number;
  /** From sending the request to its answer (analysis; the sync runs on in the background). */
  followAnsweredMs: number;
  /** From the request to the first progress event that knows the total (ids listed, first
   * batch stored). */
  firstBatchMs?: number;
  /** Node events seen (one per stored batch, plus state changes). */
  nodeEvents: number;
  itemCount?: number;
  state: NodeView['syncState'];
  /** From sending `cache.follow` to the word index holding every post of the sync (schema v6:
   * the words are indexed once no sync runs). The next run starts only after it. */
  indexedMs: number;
}

const INDEX_POLL_MS = 250;

/** Resolves once a word search no longer says `indexing`: at the `wordsIndexed` event, or by
 * asking again every 250 ms should the event have come before the question. */
export async function wordsIndexed(rpc: RpcClient, address: NodeAddress, timeoutMs: number) {
  const deadline = epochNow() + timeoutMs;
  let wake = (): void => undefined;
  const off = rpc.on('wordsIndexed', () => wake());
  try {
    for (;;) {
      const result = await rpc.call('search.query', { text: 'a', nodes: [address], max: 1 });
      if (!result.indexing) return;
      if (epochNow() > deadline) throw new Error(`words not indexed within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, INDEX_POLL_MS);
      });
    }
  } finally {
    off();
  }
}

const same = (a: NodeAddress, b: NodeAddress): boolean =>
  a.service === b.service && a.node === b.node;

/** Follows a node and times its complete sync from the worker's events, as a page sees them. */
export async function syncByFollow(
  rpc: RpcClient,
  address: NodeAddress,
  timeoutMs: number,
): Promise<SyncTiming> {
  const started = epochNow();
  let nodeEvents = 0;
  let firstBatchAt: number | undefined;
  let off = (): void => undefined;
  const finished = new Promise<NodeView>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`sync of ${address.node} not completed within ${timeoutMs} ms`));
    }, timeoutMs);
    off = rpc.on('node', (view) => {
      if (!same(view, address)) return;
      nodeEvents += 1;
      if (firstBatchAt === undefined && view.progress?.total !== undefined)
        firstBatchAt = epochNow();
      if (view.syncState === 'completed' || view.syncState === 'error') {
        clearTimeout(timer);
        resolve(view);
      }
    });
  });
  try {
    await rpc.call('cache.follow', address, timeoutMs);
    const followAnsweredMs = epochNow() - started;
    const view = await finished;
    const totalMs = epochNow() - started;
    if (view.syncState === 'error')
      throw new Error(`sync failed: ${view.error?.code ?? ''} ${view.error?.message ?? ''}`);
    const node = (await rpc.call('cache.getNode', address)).node;
    await wordsIndexed(rpc, address, timeoutMs);
    const indexedMs = epochNow() - started;
    return {
      totalMs,
      indexedMs,
      followAnsweredMs,
      ...(firstBatchAt !== undefined && { firstBatchMs: firstBatchAt - started }),
      nodeEvents,
      ...(node?.itemCount !== undefined && { itemCount: node.itemCount }),
      state: view.syncState,
    };
  } finally {
    off();
  }
}

/** Fetches `ids` from the server through the worker without storing them (`useCache: false`),
 * `batchSize` per request, one after the other as the sync does. */
export async function fetchByIds(
  rpc: RpcClient,
  address: NodeAddress,
  ids: readonly string[],
  batchSize: number,
): Promise<{ ms: number; items: number; xmlChars: number }> {
  const started = epochNow();
  let items = 0;
  let xmlChars = 0;
  for (let start = 0; start < ids.length; start += batchSize) {
    const itemIds = ids.slice(start, start + batchSize);
    const page = await rpc.call(
      'pubsub.getItems',
      { ...address, itemIds, useCache: false, max: itemIds.length },
      60_000,
    );
    items += page.items.length;
    for (const item of page.items) xmlChars += item.xml.length;
  }
  return { ms: epochNow() - started, items, xmlChars };
}
