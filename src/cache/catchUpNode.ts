import { getItemsByIds } from '../pubsub/getItemsByIds';
import type { NodeRecord } from '../shared/records';
import { SatchelError } from '../shared/SatchelError';
import type { CacheDeps, NodeKey } from './CacheDeps';
import { fetchNewestWithinRetention, hasRetention } from './fetchNewestWithinRetention';
import { listOrFetchAll } from './listOrFetchAll';
import { planCatchUp } from './planCatchUp';
import { storeItems } from './storeItems';

/** How many of the newest items are fetched again when there is no listing to compare with. */
export const CATCH_UP_REFRESH = 20;

export type CatchUpResult =
  | { outcome: 'converged'; added: number; removed: number; fetched: number }
  | { outcome: 'nodeDeleted' };

/**
 * Brings a synced node to exactly the server's state after the session was away: one listing
 * of its item ids (XEP-0060 §5.5), compared with the ids cached before it was asked for (so a
 * live event stored meanwhile is never taken for a retraction) and with the listing of the last
 * convergence (planCatchUp.ts: new, edited and retracted items), then one fetch by id (§6.5.8)
 * of what changed. A node the service no longer has (deleted while away, §8.4) is deleted here
 * too. A node with a retention policy fetches only its newest items. The listing is stored for
 * the next catch-up, with what is left to fetch while it runs; the caller marks the node
 * converged.
 */
export async function catchUpNode(
  deps: CacheDeps,
  key: NodeKey,
  record: NodeRecord,
): Promise<CatchUpResult> {
  const iq = deps.iq(key.account);
  const analyser = record.analyser === undefined ? undefined : deps.registry.get(record.analyser);
  const cachedBefore = new Set(await deps.items.listItemIds(key.account, key.service, key.node));
  let listed: Awaited<ReturnType<typeof listOrFetchAll>>;
  try {
    listed = await listOrFetchAll(iq, key.service, key.node);
  } catch (error) {
    if (!(error instanceof SatchelError) || error.code !== 'item-not-found') throw error;
    await deps.nodes.delete(key);
    deps.emitItems({ ...key, upserted: [], retracted: [], deleted: true });
    return { outcome: 'nodeDeleted' };
  }
  const previous = listed.items ? undefined : await deps.nodes.getListing(key);
  const plan = planCatchUp(listed.ids, cachedBefore, previous?.ids);
  if (plan.remove.length > 0) {
    await deps.items.deleteItems(key.account, key.service, key.node, plan.remove);
    deps.emitItems({ ...key, upserted: [], retracted: plan.remove });
  }
  let added = 0;
  let fetched = 0;
  if (listed.items) {
    // The service answered with every item (it refuses listings): store them all.
    fetched = listed.items.length;
    added = (await storeItems(deps, key, analyser, listed.items)).length;
  } else if (hasRetention(record.retention)) {
    const stored = await fetchNewestWithinRetention(
      deps,
      iq,
      key,
      analyser,
      record.retention,
      listed.ids.length,
    );
    fetched = added = stored.length;
  } else {
    // What a stopped catch-up had still to fetch, and without a listing to compare with the
    // newest items (an edit leaves no other trace then): one fetch by id with the changes.
    const onServer = new Set(listed.ids);
    const fetch = [
      ...new Set([
        ...plan.fetch,
        ...(previous?.pending ?? []).filter((id) => onServer.has(id)),
        ...(plan.refreshNewest ? listed.ids.slice(0, CATCH_UP_REFRESH) : []),
      ]),
    ];
    // The listing is stored first with what is left to fetch, kept current batch by batch:
    // a catch-up stopped in the middle resumes there instead of fetching it all again.
    await deps.nodes.putListing(key, listed.ids, deps.now(), fetch);
    await getItemsByIds(iq, key.service, key.node, fetch, 100, {
      onBatch: async (batch, progress) => {
        fetched += batch.length;
        added += (await storeItems(deps, key, analyser, batch)).length;
        await deps.nodes.setListingPending(key, fetch.slice(progress.done));
      },
    });
    await deps.nodes.putListing(key, listed.ids, deps.now());
  }
  return { outcome: 'converged', added, removed: plan.remove.length, fetched };
}
