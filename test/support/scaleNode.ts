import { xml, type Element } from '@xmpp/xml';
import type { XmppPeer } from '../../scripts/lib/xmppPeer';

/** One node of 5,000 Atom entries, published once per e2e run and read by several files. */
export const SCALE_COUNT = 5_000;
export const SCALE_NODE = 'shared/scale-5000';

export const scaleItemId = (n: number): string => `p${String(n).padStart(5, '0')}`;

export function scaleEntry(n: number): Element {
  return xml(
    'entry',
    { xmlns: 'http://www.w3.org/2005/Atom' },
    xml('title', { type: 'text' }, `Post number ${n}`),
    xml('id', {}, `tag:scale.test,2026:${n}`),
    xml('published', {}, new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString()),
    xml('author', {}, xml('name', {}, 'Scale Test')),
    xml('content', { type: 'text' }, `Body of post ${n}. `.repeat(8)),
  );
}

export async function publishScaleNode(peer: XmppPeer, service: string): Promise<void> {
  await peer.createNode(service, SCALE_NODE, {
    'pubsub#max_items': String(SCALE_COUNT + 100),
    'pubsub#access_model': 'open',
  });
  const items = Array.from({ length: SCALE_COUNT }, (_, n) => ({
    id: scaleItemId(n),
    payload: scaleEntry(n),
  }));
  await peer.publishMany(service, SCALE_NODE, items, 16);
}
