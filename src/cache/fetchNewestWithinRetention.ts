import type { AnalyserDefinition } from '../analysers/analyserTypes';
import { getItems } from '../pubsub/getItems';
import type { IqCaller } from '../pubsub/IqCaller';
import type { RetentionPolicy } from '../shared/records';
import type { CacheDeps, NodeKey } from './CacheDeps';
import { storeItems } from './storeItems';
import { toNewItem } from './toNewItem';

const DAY_MS = 86_400_000;
/** The first window of an age-only policy; it doubles until it reaches past the horizon. */
const FIRST_WINDOW = 50;
/** A large max_items answer is one big stanza: give the server time to build it. */
const WINDOW_TIMEOUT_MS = 120_000;

export const hasRetention = (policy: RetentionPolicy | undefined): policy is RetentionPolicy =>
  policy?.maxItems !== undefined || policy?.maxAgeDays !== undefined;

/**
 * Catch-up of a node with a retention policy (issue 7). Items the policy evicted are missing
 * from the cache on purpose: fetching every id the server lists but the cache lacks would
 * download them again at each new session only to evict them again. Instead the newest items
 * are asked for with max_items (XEP-0060 §6.5.7, "the N most recent"): `maxItems` of them, or,
 * for an age limit alone, a window that doubles until its oldest item is past the limit or the
 * node has no more. Returns the ids that were new or changed.
 */
export async function fetchNewestWithinRetention(
  deps: Pick<CacheDeps, 'items' | 'emitItems' | 'now' | 'nodes' | 'emitNode'>,
  iq: IqCaller,
  key: NodeKey,
  analyser: AnalyserDefinition | undefined,
  policy: RetentionPolicy,
  serverCount: number,
): Promise<string[]> {
  const cutoff =
    policy.maxAgeDays === undefined ? undefined : deps.now() - policy.maxAgeDays * DAY_MS;
  const changed = new Set<string>();
  let window = policy.maxItems ?? FIRST_WINDOW;
  for (;;) {
    const { items } = await getItems(iq, {
      service: key.service,
      node: key.node,
      maxItems: window,
      timeoutMs: WINDOW_TIMEOUT_MS,
    });
    for (const id of await storeItems(deps, key, analyser, items)) changed.add(id);
    if (policy.maxItems !== undefined || items.length < window || window >= serverCount) break;
    const created = items
      .map((item) => toNewItem(item, { service: key.service, node: key.node, analyser })?.created)
      .filter((time): time is number => time !== undefined);
    if (cutoff !== undefined && created.some((time) => time < cutoff)) break;
    window *= 2;
  }
  return [...changed];
}
