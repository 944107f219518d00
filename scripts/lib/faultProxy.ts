import { createServer, type Socket } from 'node:net';
import { proxyConnection, type ProxiedConnection, type ProxyTarget } from './proxiedConnection';
import { withTimeout } from './withTimeout';

export interface StartFaultProxyOptions {
  /** The server to forward to, e.g. Prosody's HTTP port (which serves the WebSocket). */
  target: ProxyTarget;
  /** How long listen() and close() may take; default 5 s. */
  timeoutMs?: number;
  /** Sees every chunk forwarded while passing, as it arrives (e.g. to read the frames). */
  onChunk?: (chunk: ProxiedChunk) => void;
}

/** One chunk the proxy forwards; `connection` numbers the client connections from 1. */
export interface ProxiedChunk {
  connection: number;
  direction: 'toServer' | 'toClient';
  data: Buffer;
}

/** A server frame the proxy corrupted (corruptNextFrame). */
export interface CorruptedFrame {
  connection: number;
  /** The payload's length, the same before and after. */
  payloadLength: number;
  /** Where in the payload the two bytes were replaced. */
  offset: number;
}

/** Never valid in UTF-8 (RFC 3629 §1: the octets FE and FF never appear). */
const INVALID_UTF8 = Buffer.from([0xff, 0xfe]);

export type FaultMode = 'pass' | 'cut' | 'stall' | 'slow';

export interface FaultProxyBytes {
  /** Bytes written to clients since the start or resetCounters(). */
  toClient: number;
  /** Bytes written to the server since the start or resetCounters(). */
  toServer: number;
}

/**
 * A TCP proxy a test can break. It knows nothing of WebSocket or XMPP, so it can cut anywhere,
 * even inside a frame. Chromium's emulated offline mode leaves an open WebSocket alone: this is
 * how tests take the network away from a session.
 */
export interface FaultProxy {
  /** The port it listens on, on 127.0.0.1. */
  readonly port: number;
  readonly mode: FaultMode;
  /** Open client connections, stalled ones included. */
  readonly connections: number;
  /** A snapshot of the traffic counters. */
  readonly bytes: FaultProxyBytes;
  /** `url` (e.g. ProsodyServer.wsUrl) with its host and port replaced by the proxy's. */
  wsUrlFor(url: string): string;
  /** Forwards normally (the default); ends cut, stall, slow and a pending dropMidStanza(). */
  pass(): void;
  /** The server is unreachable: every connection is destroyed now, and new ones on accept. */
  cut(): void;
  /**
   * The network silently vanished: sockets stay open and nothing is forwarded, new connections
   * included (accepted, never connected to the server). Bytes are dropped, not held back, so a
   * stalled connection stays dead after pass(); only a new connection works again.
   */
  stall(): void;
  /** Every chunk in either direction is delayed by `delayMs`, in order. */
  slow(delayMs: number): void;
  /** The next chunk from the server is cut after its first half, then its connection destroyed. */
  dropMidStanza(): void;
  /**
   * The next server text frame (on any connection) whose payload contains `marker` gets the
   * two bytes where the marker starts replaced with 0xFF 0xFE: invalid UTF-8, as if corrupted
   * in transit, the frame's length unchanged. A client must fail the connection
   * (RFC 6455 §8.1). Resolves once that frame is forwarded.
   */
  corruptNextFrame(marker: string): Promise<CorruptedFrame>;
  resetCounters(): void;
  /** Stops listening and destroys every connection. Idempotent. */
  close(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 5_000;

/** Starts a fault proxy on a free loopback port (the kernel picks it: no race with others). */
export async function startFaultProxy(options: StartFaultProxyOptions): Promise<FaultProxy> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const open = new Set<ProxiedConnection>();
  const bytes: FaultProxyBytes = { toClient: 0, toServer: 0 };
  let mode: FaultMode = 'pass';
  let delayMs = 0;
  let dropArmed = false;
  let corruption: { marker: Buffer; done: (frame: CorruptedFrame) => void } | undefined;
  let closing: Promise<void> | undefined;
  let accepted = 0;

  function accept(client: Socket): void {
    if (mode === 'cut' || closing) {
      client.on('error', () => undefined);
      client.destroy();
      return;
    }
    const number = ++accepted;
    const onChunk = options.onChunk;
    const connection = proxyConnection(client, {
      target: mode === 'stall' ? null : options.target,
      delayMs: () => (mode === 'slow' ? delayMs : 0),
      takeDropMidStanza() {
        const taken = dropArmed;
        dropArmed = false;
        return taken;
      },
      rewriting: () => corruption !== undefined,
      rewriteFrame(frame) {
        // Text frames only (opcode 1, RFC 6455 §5.6): XMPP travels in them (RFC 7395 §3.2).
        if (!corruption || frame.opcode !== 0x1) return;
        const offset = frame.payload.indexOf(corruption.marker);
        if (offset < 0) return;
        INVALID_UTF8.copy(frame.payload, offset);
        const { done } = corruption;
        corruption = undefined;
        done({ connection: number, payloadLength: frame.payload.length, offset });
      },
      countToClient: (count) => (bytes.toClient += count),
      countToServer: (count) => (bytes.toServer += count),
      ...(onChunk && {
        tap: (direction, data) => onChunk({ connection: number, direction, data }),
      }),
      onClosed: () => open.delete(connection),
    });
    open.add(connection);
  }

  const server = createServer(accept);
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: '127.0.0.1', port: 0 }, () => {
        server.off('error', reject);
        resolve();
      });
    }),
    timeoutMs,
    () => 'fault proxy: listen timed out',
  );
  // After listen, an error (e.g. too many open files) must not crash the test run.
  server.on('error', (error) => console.warn('fault proxy:', error.message));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fault proxy: no port');

  return {
    port: address.port,
    get mode() {
      return mode;
    },
    get connections() {
      return [...open].filter((connection) => connection.clientOpen).length;
    },
    get bytes() {
      return { ...bytes };
    },
    wsUrlFor(url) {
      const proxied = new URL(url);
      proxied.hostname = '127.0.0.1';
      proxied.port = String(address.port);
      return proxied.toString();
    },
    pass() {
      mode = 'pass';
      dropArmed = false;
    },
    cut() {
      mode = 'cut';
      for (const connection of open) connection.destroy();
    },
    stall() {
      mode = 'stall';
      for (const connection of open) connection.stall();
    },
    slow(ms) {
      if (!Number.isFinite(ms) || ms < 0) {
        throw new RangeError(`fault proxy: slow(${ms}) needs a finite delay >= 0`);
      }
      mode = 'slow';
      delayMs = ms;
    },
    dropMidStanza() {
      dropArmed = true;
    },
    corruptNextFrame(marker) {
      if (Buffer.byteLength(marker) < INVALID_UTF8.length) {
        throw new RangeError('fault proxy: corruptNextFrame needs a marker of 2 bytes or more');
      }
      return new Promise((resolve) => {
        corruption = { marker: Buffer.from(marker), done: resolve };
      });
    },
    resetCounters() {
      bytes.toClient = 0;
      bytes.toServer = 0;
    },
    close() {
      closing ??= withTimeout(
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          for (const connection of open) connection.destroy();
        }),
        timeoutMs,
        () => 'fault proxy: close timed out',
      );
      return closing;
    },
  };
}
