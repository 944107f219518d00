import type { IqCallerApi } from '@xmpp/iq/caller.js';
import { failOnDisconnect } from './failOnDisconnect';
import type { Element } from '@xmpp/xml';
import type { ScramKeys } from '../shared/records';
import { SatchelError } from '../shared/SatchelError';
import { classifyConnectError } from './classifyConnectError';
import { NS_SM, NS_STREAMS } from './streamNamespaces';
import { whenEnableAnswered } from './whenEnableAnswered';
import type { XmppClient, XmppClientOptions } from './createXmppClient';
import type { SaslOutcome } from './saslFeature';

export interface ConnectRequest {
  account: string;
  websocketUrl: string;
  resource: string;
  password?: string;
  keys?: ScramKeys;
  allowPlain: boolean;
  /** XEP-0198 state of a previous session to resume (§5). */
  resumption?: { smId: string; inbound: number; fullJid: string };
  timeoutMs: number;
  /** Every stanza from the start: a resumed stream replays what was missed right after
   * <resumed/> (XEP-0198 §5), before the caller could attach a listener of its own. */
  onStanza?: (stanza: Element) => void;
}

export interface LiveSession {
  client: XmppClient;
  iqCaller: IqCallerApi;
  /** Until when a slow request's answer may still come (failOnDisconnect.ts); 0: none. */
  busyUntil?: () => number;
  boundJid: string;
  resumed: boolean;
  auth: SaslOutcome;
}

export interface ConnectDeps {
  createClient: (options: XmppClientOptions) => XmppClient;
  /** Whether an HTTP server answers at the WebSocket URL's host (tells "down" from "no WebSocket"). */
  probeHttp: (websocketUrl: string) => Promise<boolean>;
  onMalformed: (reason: string) => void;
}

/** How long a WebSocket may take to open the XML stream (RFC 7395 §3.3) before we give up. */
const OPEN_TIMEOUT_MS = 5_000;

/**
 * One connection attempt: open the stream, authenticate, then resume (XEP-0198 §5) or bind.
 * Resolves when the session is usable and, where the server offers XEP-0198, resumable (its
 * <enabled/> arrived); rejects with a classified SatchelError and leaves no
 * socket behind. On a successful resume @xmpp/client's start() never resolves and no `online`
 * event fires (platform-facts), so the `resumed` event is awaited instead.
 */
export async function connectOnce(
  deps: ConnectDeps,
  request: ConnectRequest,
): Promise<LiveSession> {
  const [local, domain] = splitAccount(request.account);
  let auth: SaslOutcome | undefined;
  let lastError: Error | undefined;
  let reachedOpen = false;
  const client = deps.createClient({
    websocketUrl: request.websocketUrl,
    domain,
    resource: request.resource,
    timeoutMs: Math.min(request.timeoutMs, 10_000),
    credentials: () => ({
      username: local,
      allowPlain: request.allowPlain,
      ...(request.password !== undefined && { password: request.password }),
      ...(request.keys && { keys: request.keys }),
    }),
    onAuthenticated: (outcome) => (auth = outcome),
    onMalformed: deps.onMalformed,
  });
  const { entity, streamManagement: sm } = client;
  const { onStanza } = request;
  if (onStanza) entity.on('stanza', onStanza);
  if (request.resumption) {
    sm.id = request.resumption.smId;
    sm.inbound = request.resumption.inbound;
    // <resumed h='N'/> acknowledges stanzas the previous worker sent, which this fresh client
    // never queued; @xmpp/stream-management would shift N entries off an empty queue and throw,
    // then bind a new resource on a resumed stream. Count them as acknowledged before it looks.
    // (The 'element' event fires before the 'nonza' event its resume procedure listens to.)
    entity.on('element', (element) => {
      if (!element.is('resumed', NS_SM)) return;
      const h = Number(element.attrs.h);
      if (Number.isInteger(h)) sm.outbound = Math.max(sm.outbound, h - sm.outbound_q.length);
    });
  }

  // Whether the server offers stream management (XEP-0198 §2) on the stream being negotiated.
  let smOffered = false;
  entity.on('element', (element) => {
    if (element.is('features', NS_STREAMS)) smOffered = element.getChild('sm', NS_SM) !== undefined;
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  const outcome = new Promise<{ resumed: boolean }>((resolve, reject) => {
    entity.on('status', (status) => {
      if (status === 'open') reachedOpen = true;
    });
    // A fresh session counts as usable once it is also resumable (whenEnableAnswered.ts).
    entity.on('online', () => {
      if (!smOffered) resolve({ resumed: false });
      else void whenEnableAnswered(entity).then(() => resolve({ resumed: false }));
    });
    sm.on('resumed', () => resolve({ resumed: true }));
    entity.on('error', (error) => {
      lastError = error;
      if (entity.status !== 'online') reject(error);
    });
    entity.on('disconnect', () => reject(lastError ?? new SatchelError('connection-lost')));
    timer = setTimeout(
      () => reject(new SatchelError('timeout', `no session after ${request.timeoutMs} ms`)),
      request.timeoutMs,
    );
    // No stream header yet: the route is dead (a network that swallows everything accepts the
    // connection and answers nothing). Fail early, so the next try can find the network back.
    openTimer = setTimeout(
      () => {
        if (!reachedOpen)
          reject(new SatchelError('timeout', `no stream opened after ${OPEN_TIMEOUT_MS} ms`));
      },
      Math.min(OPEN_TIMEOUT_MS, request.timeoutMs),
    );
    entity
      .start()
      .catch((error: unknown) => reject(error instanceof Error ? error : new Error(String(error))));
  });

  try {
    const { resumed } = await outcome;
    if (!auth) throw new SatchelError('internal', 'session without authentication');
    if (resumed && request.resumption) entity._jid(request.resumption.fullJid);
    const boundJid = entity.jid?.toString() ?? request.account;
    const iqCaller = failOnDisconnect(entity, client.iqCaller);
    return { client, iqCaller, busyUntil: () => iqCaller.busyUntil(), boundJid, resumed, auth };
  } catch (error) {
    entity.removeAllListeners();
    entity.on('error', () => undefined); // late socket errors of an abandoned attempt
    await entity.disconnect().catch(() => undefined);
    throw await classifyConnectError(error, {
      reachedOpen,
      probe: () => deps.probeHttp(request.websocketUrl),
    });
  } finally {
    clearTimeout(timer);
    clearTimeout(openTimer);
  }
}

function splitAccount(account: string): [string, string] {
  const at = account.lastIndexOf('@');
  return [account.slice(0, at), account.slice(at + 1)];
}
