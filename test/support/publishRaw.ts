import type { Element } from '@xmpp/xml';
import { withTimeout } from '../../scripts/lib/withTimeout';
import type { XmppPeer } from '../../scripts/lib/xmppPeer';

const NS_PUBSUB = 'http://jabber.org/protocol/pubsub';

/** `value` as an XML attribute value between double quotes. */
export const xmlAttribute = (value: string): string =>
  value.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/"/gu, '&quot;');

/** A payload `depth` elements deep, as text: the peer's serializer recurses, so a 10,000-deep
 * payload cannot be built as an Element and written through it. */
export const nestedXhtml = (depth: number): string =>
  `<div xmlns="http://www.w3.org/1999/xhtml">${'<d>'.repeat(depth)}x${'</d>'.repeat(depth)}</div>`;

/** Publishes `itemXml` (an `<item>` as text) to a node (XEP-0060 §7.1) by writing the stanza
 * straight to the peer's socket; resolves with the server's answer. */
export async function publishRaw(
  publisher: XmppPeer,
  service: string,
  node: string,
  itemXml: string,
): Promise<Element> {
  const id = `raw-${Math.random().toString(36).slice(2)}`;
  const answered = new Promise<Element>((resolve) => {
    const stop = publisher.onStanza((stanza) => {
      if (stanza.name !== 'iq' || stanza.attrs.id !== id) return;
      stop();
      resolve(stanza);
    });
  });
  const client = publisher.client as unknown as { write(text: string): Promise<void> };
  await client.write(
    `<iq xmlns="jabber:client" type="set" id="${id}" to="${xmlAttribute(service)}"><pubsub xmlns="${NS_PUBSUB}"><publish node="${xmlAttribute(node)}">${itemXml}</publish></pubsub></iq>`,
  );
  return withTimeout(answered, 30_000, () => 'no answer to the raw publish');
}
