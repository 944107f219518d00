import { Client } from '@xmpp/client-core';
import iqCallee from '@xmpp/iq/callee.js';
import iqCaller, { type IqCallerApi } from '@xmpp/iq/caller.js';
import middleware, { type MiddlewareApi } from '@xmpp/middleware';
import resourceBinding from '@xmpp/resource-binding';
import streamFeatures from '@xmpp/stream-features';
import streamManagement, { type StreamManagementApi } from '@xmpp/stream-management';
import websocket from '@xmpp/websocket';
import { countFromEnabled } from './countFromEnabled';
import { guardIncomingData } from './guardIncomingData';
import { persistBeforeAck, type AckPersistence } from './persistBeforeAck';
import { saslFeature, type SaslCredentials, type SaslOutcome } from './saslFeature';
import { LONGEST_REQUEST_MS } from '../shared/longestRequestMs';

export interface XmppClientOptions {
  websocketUrl: string;
  domain: string;
  resource: string;
  credentials: () => SaslCredentials;
  onAuthenticated: (outcome: SaslOutcome) => void;
  /** Called when the server sent something we refuse to parse; the stream is then closed. */
  onMalformed: (reason: string) => void;
  /** Timeout for opening and closing the stream, in ms. */
  timeoutMs: number;
}

export interface XmppClient {
  entity: Client;
  iqCaller: IqCallerApi;
  middleware: MiddlewareApi;
  streamManagement: StreamManagementApi;
  /** Where trackResumption.ts plugs the save that must precede each <a/>. */
  ackPersistence: AckPersistence;
}

/**
 * Wires one @xmpp/client-core connection the way @xmpp/client's index.js does, minus what
 * Satchel replaces: its reconnect (fixed 1 s, we back off with jitter), its SASL (ours keeps
 * SCRAM keys), DNS resolution (we always pass a WebSocket URL), TCP/TLS (no sockets in a
 * browser) and SASL2/FAST (not offered by the servers we test against).
 */
export function createXmppClient(options: XmppClientOptions): XmppClient {
  const entity = new Client({
    service: options.websocketUrl,
    domain: options.domain,
    timeout: options.timeoutMs,
  });
  guardIncomingData(entity, options.onMalformed);
  websocket({ entity });
  const mw = middleware({ entity });
  // Before stream management's middleware, so it sees <r/> first (persistBeforeAck.ts).
  const smHolder: { api?: StreamManagementApi } = {};
  const ackPersistence = persistBeforeAck(entity, mw, () => {
    if (!smHolder.api) throw new Error('stream management is not set up');
    return smHolder.api;
  });
  const features = streamFeatures({ middleware: mw });
  // Stream management first: its middleware counts every inbound stanza for XEP-0198 'h'
  // (§4). @xmpp/iq's caller swallows the replies it handles without calling next(), so
  // registered after it (as @xmpp/client does) the count misses every iq result, acks run low,
  // and Prosody closes the stream ("acknowledged less stanzas than already acknowledged").
  // Feature order is unaffected: SASL's handler only fires on <mechanisms/>, and on the
  // post-auth features stream management resumes or binds, then enables (§5, RFC 6120 §7).
  const sm = streamManagement({ streamFeatures: features, entity, middleware: mw });
  // XEP-0198 §4: the library cuts the stream when an <r/> goes 60 s without its <a/>. Prosody
  // answers nothing, acks included, while it builds a large node's listing (it reads every item:
  // over 60 s from about 75,000 items here), so that cut a busy server, the listing failed and
  // was asked again forever. Patience beyond our longest request instead; a dead connection is
  // still found by each request's timeout and by the liveness probe (createLivenessProbe.ts).
  sm.timeout = LONGEST_REQUEST_MS + 15_000;
  smHolder.api = sm;
  countFromEnabled(entity, sm);
  const caller = iqCaller({ middleware: mw, entity });
  const callee = iqCallee({ middleware: mw, entity });
  saslFeature({ streamFeatures: features }, options.credentials, options.onAuthenticated);
  resourceBinding({ iqCaller: caller, streamFeatures: features }, options.resource);
  callee.get('urn:xmpp:ping', 'ping', () => ({})); // XEP-0199 §4.2: answer server pings
  return { entity, iqCaller: caller, middleware: mw, streamManagement: sm, ackPersistence };
}
