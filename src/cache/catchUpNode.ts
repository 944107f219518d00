import { getItems } from '../pubsub/getItems';
import { getItemsByIds } from '../pubsub/getItemsByIds';
import { listOrFetchAll } from './listOrFetchAll';
import type { NodeRecord } from '../shared/records';
import type { CacheDeps, NodeKey } from './CacheDeps';
import { fetchNewestWithinRetention, hasRetention } from './fetchNewestWithinRetention';
import { storeItems } from './storeItems';

/** How many of the newest items are fetched again to catch edits made while away. */
export const CATCH_UP_REFRESH = 20;

/**
 * Brings a synced node up to date after the session was away (reconnect without resumption,
 * worker restart): the ids the server lists now are compared with the cached ones (XEP-0060
 * §5.5), new ones fetched, vanished ones deleted (retracted while away), and the newest items
 * fetched again, since an item re-published under the same id keeps its id. A node with a
 * retention policy fetches only its newest items (fetchNewestWithinRetention.ts).
 */
export async function catchUpNode(
  deps: CacheDeps,
  key: NodeKey,
  record: NodeRecord,
): Promise<{ added: number; removed: number }> {
  const iq = deps.iq(key.account);
  const analyser = record.analyser === undefined ? undefined : deps.registry.get(record.analyser);
  const [listed, cachedIds] = await Promise.all([
    listOrFetchAll(iq, key.service, key.node),
    deps.items.listItemIds(key.account, key.service, key.node),
  ]);
  const serverIds = listed.ids;
  const server = new Set(serverIds);
  const cached = new Set(cachedIds);
  const removed = cachedIds.filter((id) => !server.has(id));
  if (removed.length > 0) {
    await deps.items.deleteItems(key.account, key.service, key.node, removed);
    deps.emitItems({ ...key, upserted: [], retracted: removed });
  }
  const missing = serverIds.filter((id) => !cached.has(id));
  let added = 0;
  if (listed.items) {
    // Everything came back already: store it all (unchanged items are not announced).
    added = (await storeItems(deps, key, analyser, listed.items)).length;
    await deps.nodes.patch(key, { lastSyncAt: deps.now() });
    return { added, removed: removed.length };
  }
  if (hasRetention(record.retention)) {
    const policy = record.retention;
    added = (await fetchNewestWithinRetention(deps, iq, key, analyser, policy, serverIds.length))
      .length;
    await deps.nodes.patch(key, { lastSyncAt: deps.now() });
    return { added, removed: removed.length };
  }
  await getItemsByIds(iq, key.service, key.node, missing, 100, {
    onBatch: async (batch) => {
      added += (await storeItems(deps, key, analyser, batch)).length;
    },
  });
  const newest = await getItems(iq, {
    service: key.service,
    node: key.node,
    maxItems: CATCH_UP_REFRESH,
  });
  await storeItems(deps, key, analyser, newest.items);
  await deps.nodes.patch(key, { lastSyncAt: deps.now() });
  return { added, removed: removed.length };
}
