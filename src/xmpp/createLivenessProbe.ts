import { xml, type Element } from '@xmpp/xml';

export interface LivenessProbeDeps {
  /** Sends the ping; resolves on any answer, rejects on a timeout or a closed stream. */
  request: (stanza: Element, timeoutMs: number) => Promise<Element>;
  /** The server's domain: XEP-0199 §4.2 pings the server, not a resource. */
  domain: string;
  now: () => number;
  /** A session that heard nothing for this long is asked whether it is still there. */
  quietMs: number;
  /** How long an answer may take before the connection is taken for dead. */
  timeoutMs: number;
  /** Until when (on `now`'s clock) the server may be busy with a slow request of ours: a ping
   * sent meanwhile waits behind it, so it gets until then (0: no such request). */
  busyUntil?: () => number;
  onDead: (reason: string) => void;
}

/**
 * Notices a dead connection. A WebSocket whose network vanished stays "open" for minutes (no
 * close reaches either end, and the browser's emulated offline does not close it either), and
 * @xmpp/client notices only when its XEP-0198 ack times out, 60 s and more. So a quiet session
 * is pinged (XEP-0199 §4.2) whenever a page's heartbeat or a network change asks: any answer,
 * an error too, proves the stream alive; none within `timeoutMs` declares it dead.
 */
export function createLivenessProbe(deps: LivenessProbeDeps) {
  let lastHeard = deps.now();
  let probing: Promise<void> | undefined;
  let dead = false;

  function ping(): Promise<void> {
    const stanza = xml(
      'iq',
      { type: 'get', to: deps.domain },
      xml('ping', { xmlns: 'urn:xmpp:ping' }),
    );
    // Prosody answers in order and serves nothing while it lists a large node (50,000 items:
    // 25 to 30 s): a ping behind that listing is late, not lost (docs/reliability.md).
    const busy = (deps.busyUntil?.() ?? 0) - deps.now();
    return deps.request(stanza, Math.max(deps.timeoutMs, busy)).then(
      () => {
        lastHeard = deps.now();
      },
      (error: unknown) => {
        // An error reply (e.g. service-unavailable from a server without ping) is an answer.
        if (isStanzaError(error)) {
          lastHeard = deps.now();
          return;
        }
        if (dead) return;
        dead = true;
        deps.onDead(error instanceof Error ? error.message : String(error));
      },
    );
  }

  return {
    /** Something arrived from the server. */
    heard(): void {
      lastHeard = deps.now();
    },
    /** Pings if the session has been quiet (or `now`); one ping at a time. Never rejects. */
    probe(now = false): Promise<void> {
      if (dead) return Promise.resolve();
      if (probing) return probing;
      if (!now && deps.now() - lastHeard < deps.quietMs) return Promise.resolve();
      probing = ping().finally(() => (probing = undefined));
      return probing;
    },
  };
}

/** @xmpp/iq rejects an error reply with a StanzaError carrying its condition (RFC 6120 §8.3). */
function isStanzaError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'StanzaError' &&
    typeof (error as { condition?: unknown }).condition === 'string'
  );
}

export type LivenessProbe = ReturnType<typeof createLivenessProbe>;
