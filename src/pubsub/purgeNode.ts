import { xml } from '@xmpp/xml';
import type { IqCaller } from './IqCaller';
import { iqRequest } from './iqRequest';
import { pubsubIq } from './pubsubIq';

/** Removes every item of a node (XEP-0060 §8.5, owner only); subscribers are told (§8.5.2). */
export async function purgeNode(
  iq: IqCaller,
  service: string,
  node: string,
  options: { timeoutMs?: number } = {},
): Promise<void> {
  const stanza = pubsubIq('set', service, 'owner', xml('purge', { node }));
  await iqRequest(iq, stanza, options.timeoutMs);
}
