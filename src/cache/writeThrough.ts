import parse from 'ltx/lib/parse.js';
import type { Element } from '@xmpp/xml';
import { getItemsByIds } from '../pubsub/getItemsByIds';
import type { NodeRecord } from '../shared/records';
import type { CacheDeps, NodeKey } from './CacheDeps';
import { storeItems } from './storeItems';

const CACHED = new Set<NodeRecord['syncState']>(['completed', 'inProgress', 'error']);

/**
 * After a publish the server answered: the item goes into the cache as the server stored it
 * (fetched back by id, XEP-0060 §6.5.8), or as sent when that fetch fails; the store writes an
 * item only when it differs, so the notification that follows (§7.1.2.1) changes nothing. A
 * node the cache does not keep gets an `items` event only, for the views that read it live.
 */
export async function writeThrough(
  deps: Pick<
    CacheDeps,
    'iq' | 'nodes' | 'items' | 'registry' | 'emitItems' | 'emitNode' | 'now' | 'log'
  >,
  key: NodeKey,
  itemId: string,
  payloadXml: string,
): Promise<void> {
  const record = await deps.nodes.get(key);
  if (!record || !CACHED.has(record.syncState)) {
    deps.emitItems({ ...key, upserted: [itemId], retracted: [] });
    return;
  }
  const analyser = record.analyser === undefined ? undefined : deps.registry.get(record.analyser);
  let stored: Element[] = [];
  try {
    stored = (await getItemsByIds(deps.iq(key.account), key.service, key.node, [itemId])).items;
  } catch (error) {
    deps.log('write-through: fetching the published item back failed', error);
  }
  const item =
    stored[0] ??
    parse(
      `<item xmlns="http://jabber.org/protocol/pubsub" id="${escapeAttr(itemId)}" publisher="${escapeAttr(key.account)}">${payloadXml}</item>`,
    );
  await storeItems(deps, key, analyser, [item]);
}

function escapeAttr(value: string): string {
  return value.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;').replace(/</gu, '&lt;');
}
