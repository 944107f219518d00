import type { SatchelError } from '../shared/SatchelError';
import type { IqCaller } from './IqCaller';
import { getServiceInfo, type ServiceInfo } from './getServiceInfo';
import { listNodes } from './listNodes';
import { mapConcurrently } from './mapConcurrently';
import { pubsubError } from './pubsubErrors';

export interface PubsubService {
  jid: string;
  name?: string;
  info: ServiceInfo;
}

export interface DiscoverOptions {
  /** disco#info requests in flight at once (default 4). */
  concurrency?: number;
  /** Per request (default 10 s): a slow component must not hold up the others for long. */
  timeoutMs?: number;
  /** Told about each item whose disco#info failed; the others are still returned. */
  onItemError?: (jid: string, error: SatchelError) => void;
}

/**
 * Finds the pubsub services of a server (XEP-0060 §5.1): disco#items on the domain, then
 * disco#info on each item, keeping those with identity pubsub/service. The domain's own
 * disco#items failing rejects; one item failing only leaves that item out.
 */
export async function discoverPubsubServices(
  iq: IqCaller,
  serverDomain: string,
  options: DiscoverOptions = {},
): Promise<PubsubService[]> {
  const { concurrency = 4, timeoutMs = 10_000, onItemError } = options;
  const items = await listNodes(iq, serverDomain, undefined, { timeoutMs });
  // Items with a node are nodes of the domain itself, not separate entities (XEP-0030 §4.1).
  const candidates = [...new Map(items.filter((i) => !i.node).map((i) => [i.jid, i])).values()];
  const infos = await mapConcurrently(candidates, concurrency, (item) =>
    getServiceInfo(iq, item.jid, undefined, { timeoutMs }),
  );
  const services: PubsubService[] = [];
  infos.forEach((result, index) => {
    const item = candidates[index];
    if (!item) return;
    if (result.status === 'rejected') {
      onItemError?.(item.jid, pubsubError(result.reason));
      return;
    }
    const info = result.value;
    if (!info.identities.some((id) => id.category === 'pubsub' && id.type === 'service')) return;
    const name = item.name ?? info.identities.find((id) => id.category === 'pubsub')?.name;
    services.push(name === undefined ? { jid: item.jid, info } : { jid: item.jid, name, info });
  });
  return services;
}
