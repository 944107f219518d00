import { xml } from '@xmpp/xml';
import type { NodeConfig } from '../shared/records';
import { SatchelError } from '../shared/SatchelError';
import { buildSubmitForm } from './buildSubmitForm';
import type { IqCaller } from './IqCaller';
import { iqRequest } from './iqRequest';
import { NS } from './namespaces';
import { nodeConfigFields } from './nodeConfigFields';
import { pubsubIq } from './pubsubIq';

export interface CreateNodeRequest {
  service: string;
  /** Omit for an instant node (§8.1): the service picks the name. */
  node?: string;
  /** Configuration submitted with the request (§8.1). Without it the service's defaults
   * apply: Prosody 0.12 then keeps only 20 items. */
  config?: NodeConfig;
  timeoutMs?: number;
}

/** Creates a node (XEP-0060 §8.1) and returns its name (the service's, for an instant node). */
export async function createNode(iq: IqCaller, request: CreateNodeRequest): Promise<string> {
  const { service, node, config } = request;
  const stanza = pubsubIq(
    'set',
    service,
    'pubsub',
    xml('create', { node }),
    config && xml('configure', {}, buildSubmitForm(NS.nodeConfig, nodeConfigFields(config))),
  );
  const reply = await iqRequest(iq, stanza, request.timeoutMs);
  const created = reply.getChild('pubsub', NS.pubsub)?.getChild('create')?.attrs.node;
  const name = created ?? node;
  if (name === undefined) {
    // §8.1: the service MUST say which instant node it created.
    throw new SatchelError('remote-error', 'the service created an instant node without naming it');
  }
  return name;
}
