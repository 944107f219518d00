import { xml, type Element } from '@xmpp/xml';
import { SatchelError } from '../shared/SatchelError';
import { buildRsmSet, type RsmQuery } from './buildRsmSet';
import type { IqCaller } from './IqCaller';
import { iqRequest } from './iqRequest';
import { NS } from './namespaces';
import { parseRsmSet, type RsmResult } from './parseRsmSet';
import { pubsubIq } from './pubsubIq';

export interface GetItemsRequest {
  service: string;
  node: string;
  /** The newest N items (XEP-0060 §6.5.7). */
  maxItems?: number;
  /** Only these items (§6.5.8); the service leaves out ids it does not have. */
  itemIds?: readonly string[];
  /** A page (§6.5.4, XEP-0059); only honoured where the service advertises pubsub#rsm. */
  rsm?: RsmQuery;
  /** Subscription id, for a JID with several subscriptions to the node (§6.5.2). */
  subid?: string;
  timeoutMs?: number;
}

export interface GetItemsResult {
  /** The <item/> elements as the service sent them (they may lack a payload, §6.5.6). */
  items: Element[];
  /** The page the service returned; absent when it did not page, even if asked to. */
  rsm?: RsmResult;
}

/** Retrieves items of a node (XEP-0060 §6.5): all, the newest N, some by id, or an RSM page. */
export async function getItems(iq: IqCaller, request: GetItemsRequest): Promise<GetItemsResult> {
  const { service, node, maxItems, itemIds, rsm, subid } = request;
  const stanza = pubsubIq(
    'get',
    service,
    'pubsub',
    xml(
      'items',
      { node, max_items: maxItems, subid },
      (itemIds ?? []).map((id) => xml('item', { id })),
    ),
    rsm && buildRsmSet(rsm),
  );
  const reply = await iqRequest(iq, stanza, request.timeoutMs);
  const pubsub = reply.getChild('pubsub', NS.pubsub);
  const answered = pubsub?.getChild('items');
  // §6.5.8: the answer names the node asked for. Items of another node must not be stored as
  // this one's (issue 15: a hostile or broken service); nothing of such an answer is used.
  if (answered && answered.attrs.node !== node)
    throw new SatchelError(
      'unexpected-answer',
      `asked for the items of "${node}", the service sent those of "${String(answered.attrs.node)}"`,
    );
  const items = answered?.getChildren('item') ?? [];
  const page = parseRsmSet(pubsub);
  return page ? { items, rsm: page } : { items };
}
