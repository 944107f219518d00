import { xml } from '@xmpp/xml';
import type { NodeConfig } from '../shared/records';
import type { IqCaller } from './IqCaller';
import { iqRequest } from './iqRequest';
import { NS } from './namespaces';
import { parseDataForm } from './parseDataForm';
import { parseNodeConfig } from './parseNodeConfig';
import { pubsubIq } from './pubsubIq';

/**
 * Reads a node's configuration form (XEP-0060 §8.2.1, owner only). A reply without a form gives
 * an empty configuration rather than an error.
 */
export async function getNodeConfig(
  iq: IqCaller,
  service: string,
  node: string,
  options: { timeoutMs?: number } = {},
): Promise<NodeConfig> {
  const stanza = pubsubIq('get', service, 'owner', xml('configure', { node }));
  const reply = await iqRequest(iq, stanza, options.timeoutMs);
  const configure = reply.getChild('pubsub', NS.pubsubOwner)?.getChild('configure');
  const form = configure?.getChild('x', NS.dataForms);
  return form ? parseNodeConfig(parseDataForm(form).fields) : {};
}
