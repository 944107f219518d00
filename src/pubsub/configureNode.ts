import { xml } from '@xmpp/xml';
import type { NodeConfig } from '../shared/records';
import { buildSubmitForm } from './buildSubmitForm';
import type { IqCaller } from './IqCaller';
import { iqRequest } from './iqRequest';
import { NS } from './namespaces';
import { nodeConfigFields } from './nodeConfigFields';
import { pubsubIq } from './pubsubIq';

export interface ConfigureNodeRequest {
  service: string;
  node: string;
  /** Typed fields are submitted over `raw` (see nodeConfigFields). */
  config: NodeConfig;
  timeoutMs?: number;
}

/** Submits a node configuration (XEP-0060 §8.2, owner only). */
export async function configureNode(iq: IqCaller, request: ConfigureNodeRequest): Promise<void> {
  const { service, node, config } = request;
  const form = buildSubmitForm(NS.nodeConfig, nodeConfigFields(config));
  const stanza = pubsubIq('set', service, 'owner', xml('configure', { node }, form));
  await iqRequest(iq, stanza, request.timeoutMs);
}
