import { xml } from '@xmpp/xml';
import type { IqCaller } from './IqCaller';
import { iqRequest } from './iqRequest';
import { NS } from './namespaces';
import { parseDiscoItems, type DiscoItem } from './parseDiscoItems';

/**
 * The nodes of a pubsub service or PEP account (XEP-0060 §5.2), or the children of a collection
 * node (§5.3): disco#items on the service, with `node` for a collection.
 */
export async function listNodes(
  iq: IqCaller,
  service: string,
  node?: string,
  options: { timeoutMs?: number } = {},
): Promise<DiscoItem[]> {
  const reply = await iqRequest(
    iq,
    xml('iq', { type: 'get', to: service }, xml('query', { xmlns: NS.discoItems, node })),
    options.timeoutMs,
  );
  return parseDiscoItems(reply);
}
