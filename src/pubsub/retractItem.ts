import { xml } from '@xmpp/xml';
import type { IqCaller } from './IqCaller';
import { iqRequest } from './iqRequest';
import { pubsubIq } from './pubsubIq';

export interface RetractRequest {
  service: string;
  node: string;
  id: string;
  /**
   * Ask the service to notify subscribers (§7.2.2.1); default true, so every cache of the node,
   * ours included, hears about it. One id per request: Prosody 0.12 reads only the first.
   */
  notify?: boolean;
  timeoutMs?: number;
}

/** Retracts (deletes) an item from a node (XEP-0060 §7.2). */
export async function retractItem(iq: IqCaller, request: RetractRequest): Promise<void> {
  const { service, node, id, notify = true } = request;
  const stanza = pubsubIq(
    'set',
    service,
    'pubsub',
    xml('retract', { node, notify: notify ? 'true' : undefined }, xml('item', { id })),
  );
  await iqRequest(iq, stanza, request.timeoutMs);
}
