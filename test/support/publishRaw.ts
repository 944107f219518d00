import type { Element } from '@xmpp/xml';
import { withTimeout } from '../../scripts/lib/withTimeout';
import type { XmppPeer } from '../../scripts/lib/xmppPeer';

const NS_PUBSUB = 'http://jabber.org/protocol/pubsub';

const attribute = (value: string): string =>
  value.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/"/gu, '&quot;');

/**
 * Publishes an item whose payload is given as text (XEP-0060 §7.1) by writing the stanza
 * straight to the peer's socket: the peer's serializer recurses, so a 10,000-deep payload
 * cannot go through it. The id is escaped (it may hold markup); resolves with the answer.
 */
export async function publishRaw(
  publisher: XmppPeer,
  at: { service: string; node: string },
  item: { id: string; payloadXml: string },
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
    `<iq xmlns="jabber:client" type="set" id="${id}" to="${attribute(at.service)}"><pubsub xmlns="${NS_PUBSUB}"><publish node="${attribute(at.node)}"><item id="${attribute(item.id)}">${item.payloadXml}</item></publish></pubsub></iq>`,
  );
  return withTimeout(answered, 30_000, () => 'no answer to the raw publish');
}
