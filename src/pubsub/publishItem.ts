import { xml, type Element } from '@xmpp/xml';
import { buildSubmitForm, type SubmitFields } from './buildSubmitForm';
import type { IqCaller } from './IqCaller';
import { iqRequest } from './iqRequest';
import { NS } from './namespaces';
import { pubsubIq } from './pubsubIq';

export interface PublishRequest {
  /** A pubsub service, or a bare JID for PEP (XEP-0163 §7, usually the account's own). */
  service: string;
  node: string;
  /** Omit to let the service assign one (§7.1.2). Publishing an existing id replaces it. */
  id?: string;
  /** The payload; it is moved into the stanza (its `parent` changes). */
  payload?: Element;
  /** Preconditions on the node configuration (§7.1.5, pubsub#publish-options). */
  publishOptions?: SubmitFields;
  timeoutMs?: number;
}

/**
 * Publishes an item (XEP-0060 §7.1) and returns its id: the one the service reports, else the
 * one we sent. Undefined only when we sent none and the service did not say (§7.1.2 SHOULD).
 */
export async function publishItem(
  iq: IqCaller,
  request: PublishRequest,
): Promise<string | undefined> {
  const { service, node, id, payload, publishOptions } = request;
  const stanza = pubsubIq(
    'set',
    service,
    'pubsub',
    xml('publish', { node }, xml('item', { id }, payload)),
    publishOptions &&
      xml('publish-options', {}, buildSubmitForm(NS.publishOptions, publishOptions)),
  );
  const reply = await iqRequest(iq, stanza, request.timeoutMs);
  const published = reply.getChild('pubsub', NS.pubsub)?.getChild('publish')?.getChild('item');
  return published?.attrs.id ?? id;
}
