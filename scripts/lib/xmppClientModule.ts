import type { Element } from '@xmpp/xml';
import { WebSocket as NodeWebSocket } from 'ws';

/** The part of @xmpp/client 0.14 (which ships no types) that the Node peer uses. */
export interface XmppClient {
  jid: { toString(): string } | null;
  status: string;
  start(): Promise<unknown>;
  stop(): Promise<unknown>;
  send(element: Element): Promise<void>;
  on(event: 'send' | 'stanza', listener: (element: Element) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  /** The socket closed (`clean` false: it was not closed on purpose). */
  on(event: 'disconnect', listener: (info: { clean: boolean }) => void): void;
  iqCaller: { request(stanza: Element, timeoutMs?: number): Promise<Element> };
  reconnect: { stop(): void };
  /**
   * XEP-0198. `enabled` turns true when `<enabled/>` arrives, which may be after start()
   * resolved. After sending `<r/>` the client disconnects if nothing arrives within `timeout` ms.
   */
  streamManagement: { enabled: boolean; timeout: number; requestAckInterval: number };
}

export interface XmppClientOptions {
  service: string;
  domain: string;
  username: string;
  password: string;
  resource?: string;
}

export type XmppClientFactory = (options: XmppClientOptions) => XmppClient;

/**
 * Loads the Node build of @xmpp/client (which, unlike the browser build, offers SCRAM-SHA-1).
 * Node 20 has no global WebSocket, which @xmpp/websocket needs: install the `ws` one first.
 * The import goes through a variable because the package has no type declarations; the
 * interface above is what we rely on.
 */
export async function loadXmppClient(): Promise<XmppClientFactory> {
  if (!('WebSocket' in globalThis)) {
    // ws's class is API-compatible with the DOM WebSocket for what @xmpp/websocket uses.
    (globalThis as { WebSocket: unknown }).WebSocket = NodeWebSocket;
  }
  const specifier = '@xmpp/client';
  const module = (await import(specifier)) as { client: XmppClientFactory };
  return module.client;
}
