import type { Element } from '@xmpp/xml';
import { withTimeout } from './withTimeout';
import {
  configureNodeIq,
  createNodeIq,
  deleteNodeIq,
  itemsIq,
  publishIq,
  subscribeIq,
  purgeIq,
  retractIq,
} from './pubsubStanzas';
import { loadXmppClient, type XmppClient } from './xmppClientModule';

export interface ConnectPeerOptions {
  /** RFC 7395 endpoint, e.g. ProsodyServer.wsUrl. */
  wsUrl: string;
  /** Bare JID of an existing account. */
  jid: string;
  password: string;
  /** Default: the server assigns one (two peers with one resource would kick each other). */
  resource?: string;
  /** Default timeout for each iq; default 10 s. */
  iqTimeoutMs?: number;
}

export interface PublishItem {
  id: string;
  payload: Element;
}

/** An independent XMPP client for tests and seeding (Node build of @xmpp/client 0.14). */
export interface XmppPeer {
  /** The full JID bound for this session. */
  jid: string;
  bareJid: string;
  /** The SASL mechanism used to log in, e.g. "SCRAM-SHA-1". */
  mechanism: string | undefined;
  client: XmppClient;
  /** Sends an iq and resolves to the result; rejects on an error reply (`.condition`) or timeout. */
  iq(stanza: Element, timeoutMs?: number): Promise<Element>;
  /** XEP-0060 8.1.2 create with configuration; an existing node is reconfigured instead (8.2.4). */
  createNode(service: string, node: string, config?: Record<string, string>): Promise<void>;
  publish(service: string, node: string, itemId: string, payload: Element): Promise<void>;
  /** XEP-0060 6.1: subscribes this account (its bare JID) to the node. */
  subscribe(service: string, node: string): Promise<void>;
  /** Publishes with up to `concurrency` requests in flight. */
  publishMany(
    service: string,
    node: string,
    items: PublishItem[],
    concurrency?: number,
  ): Promise<void>;
  retract(service: string, node: string, itemId: string, notify?: boolean): Promise<void>;
  purge(service: string, node: string): Promise<void>;
  deleteNode(service: string, node: string): Promise<void>;
  /** The `<item>` elements of a node (XEP-0060 6.5). */
  items(
    service: string,
    node: string,
    opts?: { maxItems?: number; ids?: string[] },
  ): Promise<Element[]>;
  /** Calls `listener` for every incoming stanza (e.g. event notifications); returns an unsubscribe. */
  onStanza(listener: (stanza: Element) => void): () => void;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;
const NS_SASL = 'urn:ietf:params:xml:ns:xmpp-sasl';

function conditionOf(error: unknown): string | undefined {
  return (error as { condition?: string } | null)?.condition;
}

export async function connectPeer(options: ConnectPeerOptions): Promise<XmppPeer> {
  const [username, domain] = options.jid.split('@') as [string, string | undefined];
  if (!domain) throw new Error(`connectPeer: not a bare JID: ${options.jid}`);
  const iqTimeoutMs = options.iqTimeoutMs ?? 10_000;
  const client = (await loadXmppClient())({
    service: options.wsUrl,
    domain,
    username,
    password: options.password,
    resource: options.resource,
  });
  client.reconnect.stop();
  const errors: Error[] = [];
  client.on('error', (error) => errors.push(error));
  let mechanism: string | undefined;
  client.on('send', (element) => {
    // RFC 6120 6.4.2 <auth mechanism=...>; SASL2 (XEP-0388) uses <authenticate>.
    if (element.name === 'auth' && element.getNS() === NS_SASL) mechanism = element.attrs.mechanism;
    if (element.name === 'authenticate') mechanism = element.attrs.mechanism;
  });
  const listeners = new Set<(stanza: Element) => void>();
  client.on('stanza', (stanza) => {
    for (const listener of listeners) listener(stanza);
  });

  await withTimeout(client.start(), START_TIMEOUT_MS, () => {
    const cause = errors.map((e) => e.message).join('; ');
    return `XMPP login of ${options.jid} at ${options.wsUrl} timed out${cause ? `: ${cause}` : ''}`;
  });

  const iq = (stanza: Element, timeoutMs = iqTimeoutMs): Promise<Element> =>
    client.iqCaller.request(stanza, timeoutMs);

  async function publishMany(service: string, node: string, items: PublishItem[], concurrency = 8) {
    let next = 0;
    async function worker(): Promise<void> {
      while (next < items.length) {
        const item = items[next++]!;
        await iq(publishIq(service, node, item.id, item.payload));
      }
    }
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  }

  return {
    jid: client.jid?.toString() ?? options.jid,
    bareJid: options.jid,
    mechanism,
    client,
    iq,
    async createNode(service, node, config) {
      try {
        await iq(createNodeIq(service, node, config));
      } catch (error) {
        if (conditionOf(error) !== 'conflict') throw error;
        if (config) await iq(configureNodeIq(service, node, config));
      }
    },
    async publish(service, node, itemId, payload) {
      await iq(publishIq(service, node, itemId, payload));
    },
    async subscribe(service, node) {
      await iq(subscribeIq(service, node, options.jid));
    },
    publishMany,
    async retract(service, node, itemId, notify = true) {
      await iq(retractIq(service, node, itemId, notify));
    },
    async purge(service, node) {
      await iq(purgeIq(service, node));
    },
    async deleteNode(service, node) {
      await iq(deleteNodeIq(service, node));
    },
    async items(service, node, opts) {
      const result = await iq(itemsIq(service, node, opts));
      return result.getChild('pubsub')?.getChild('items')?.getChildren('item') ?? [];
    },
    onStanza(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      listeners.clear();
      try {
        await withTimeout(client.stop(), STOP_TIMEOUT_MS, () => 'XMPP stop timed out');
      } catch {
        // The socket is gone either way; nothing to clean up on our side.
      }
    },
  };
}
