import { xml } from '@xmpp/xml';
import type { IqCaller } from './IqCaller';
import { iqRequest } from './iqRequest';
import { pubsubIq } from './pubsubIq';

export interface DeleteNodeRequest {
  service: string;
  node: string;
  /** Where subscribers should go instead (§8.4.1, an xmpp: URI). */
  redirectUri?: string;
  timeoutMs?: number;
}

/** Deletes a node (XEP-0060 §8.4, owner only); subscribers are told (§8.4.2). */
export async function deleteNode(iq: IqCaller, request: DeleteNodeRequest): Promise<void> {
  const { service, node, redirectUri } = request;
  const redirect = redirectUri !== undefined && xml('redirect', { uri: redirectUri });
  const stanza = pubsubIq('set', service, 'owner', xml('delete', { node }, redirect));
  await iqRequest(iq, stanza, request.timeoutMs);
}
