import type { Element } from '@xmpp/xml';
import { getItems } from '../pubsub/getItems';
import type { IqCaller } from '../pubsub/IqCaller';
import { listItemIds } from '../pubsub/listItemIds';
import { SatchelError } from '../shared/SatchelError';
import { LONGEST_REQUEST_MS } from '../shared/longestRequestMs';

/** Refusals of disco#items on a node that still lets us read its items. */
const LISTING_REFUSED = new Set([
  'service-unavailable',
  'feature-not-implemented',
  'forbidden',
  'not-authorized',
  'item-not-found',
]);

/**
 * How long a listing may take. Prosody 0.12 reads every item of the node, payloads and all, to
 * list their ids: 25 to 29 s for 50,000 items on a 2-core machine (docs/reliability.md), where
 * the default 30 s timeout made such a node's sync fail and be retried forever. The same bound
 * as the fetch of a whole node below.
 */
export const LISTING_TIMEOUT_MS = LONGEST_REQUEST_MS;

/**
 * The item ids a node holds now. Normally disco#items on the node (XEP-0060 §5.5); a service
 * that refuses that (Prosody 0.12 on another user's PEP node) is asked for all its items
 * instead (§6.5.2), which is complete by definition: the items come back too, to be stored.
 */
export async function listOrFetchAll(
  iq: IqCaller,
  service: string,
  node: string,
): Promise<{ ids: string[]; items?: Element[] }> {
  try {
    return { ids: await listItemIds(iq, service, node, { timeoutMs: LISTING_TIMEOUT_MS }) };
  } catch (error) {
    if (!(error instanceof SatchelError) || !LISTING_REFUSED.has(error.code)) throw error;
    const { items } = await getItems(iq, { service, node, timeoutMs: LISTING_TIMEOUT_MS });
    return { ids: items.map((item) => item.attrs.id ?? '').filter((id) => id !== ''), items };
  }
}
