import type { AnalyserDefinition } from '../analysers/analyserTypes';
import type { IqCaller } from '../pubsub/IqCaller';
import type { RetentionPolicy } from '../shared/records';
import type { CacheDeps, NodeKey } from './CacheDeps';
import { SYNC_BATCH } from './fetchAllItems';
import { fetchNewestWithinRetention } from './fetchNewestWithinRetention';
import { listOrFetchAll } from './listOrFetchAll';
import { storeItems } from './storeItems';

/**
 * The sync of a node with a retention policy (a reset of such a node, or one set before its
 * first sync): only what the policy keeps is fetched, the newest items (max_items, XEP-0060
 * §6.5.7), not the whole node to evict most of it. Returns the ids the server lists, so the
 * caller drops cached items retracted meanwhile.
 */
export async function syncWithinRetention(
  deps: Pick<CacheDeps, 'items' | 'emitItems' | 'now' | 'nodes' | 'emitNode'>,
  iq: IqCaller,
  key: NodeKey,
  analyser: AnalyserDefinition | undefined,
  policy: RetentionPolicy,
): Promise<Set<string>> {
  const listed = await listOrFetchAll(iq, key.service, key.node);
  if (listed.items) {
    // The service answered with every item already: store them (the policy evicts as it goes).
    for (let done = 0; done < listed.items.length; done += SYNC_BATCH)
      await storeItems(deps, key, analyser, listed.items.slice(done, done + SYNC_BATCH));
  } else {
    await fetchNewestWithinRetention(deps, iq, key, analyser, policy, listed.ids.length);
  }
  return new Set(listed.ids);
}
