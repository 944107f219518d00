import type { Element } from '@xmpp/xml';
import { NS } from './namespaces';

export interface DiscoItem {
  jid: string;
  node?: string;
  name?: string;
}

/** Reads the <item/>s of a disco#items answer (XEP-0030 §4.2); items without a jid are skipped. */
export function parseDiscoItems(reply: Element): DiscoItem[] {
  const query = reply.getChild('query', NS.discoItems);
  const items: DiscoItem[] = [];
  for (const item of query?.getChildren('item') ?? []) {
    const { jid, node, name } = item.attrs;
    if (!jid) continue;
    const entry: DiscoItem = { jid };
    if (node !== undefined) entry.node = node;
    if (name !== undefined) entry.name = name;
    items.push(entry);
  }
  return items;
}
