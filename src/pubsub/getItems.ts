import { xml, type Element } from '@xmpp/xml';
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
  const items = pubsub?.getChild('items')?.getChildren('item') ?? [];
  const page = parseRsmSet(pubsub);
  return page ? { items, rsm: page } : { items };
}
