import { connect, type Socket } from 'node:net';
import { createOrderedForwarder } from './orderedForwarder';
import { createServerFrameScanner, type ScannedFrame } from './serverFrameScanner';

export interface ProxyTarget {
  host: string;
  port: number;
}

export interface ProxiedConnectionOptions {
  /** Where to connect; null: the connection is stalled from the start and never reaches it. */
  target: ProxyTarget | null;
  /** The delay for a chunk arriving now (the proxy's slow mode), read per chunk. */
  delayMs(): number;
  /** True once per dropMidStanza() call: this chunk from the server is the one to cut. */
  takeDropMidStanza(): boolean;
  countToClient: (bytes: number) => void;
  countToServer: (bytes: number) => void;
  /** True while a frame rewrite is pending: server frames are then held until complete. */
  rewriting(): boolean;
  /** Sees each complete server frame while rewriting() is true; may change payload bytes. */
  rewriteFrame(frame: ScannedFrame): void;
  /** Sees each chunk that will be forwarded, as it arrives. */
  tap?: (direction: 'toServer' | 'toClient', chunk: Buffer) => void;
  /** Both sockets are closed: the proxy forgets this connection. */
  onClosed(): void;
}

/** One client connection and its server connection, as the fault proxy drives them. */
export interface ProxiedConnection {
  /** The client's socket is still open (what FaultProxy.connections counts). */
  readonly clientOpen: boolean;
  /** Forwards nothing more in either direction, ever; both sockets stay open. */
  stall(): void;
  /** Destroys both sockets at once. */
  destroy(): void;
}

/**
 * A stalled connection never comes back (its lost bytes would corrupt both streams), and it does
 * not pass a close on either: once the network is gone, neither end learns what the other did.
 */
export function proxyConnection(
  client: Socket,
  options: ProxiedConnectionOptions,
): ProxiedConnection {
  let state: 'live' | 'stalled' | 'dropping' = options.target ? 'live' : 'stalled';
  const server = options.target ? connect(options.target) : null;
  const sockets = server ? [client, server] : [client];
  let openSockets = sockets.length;
  for (const socket of sockets) {
    // Resets and refusals are expected here: they show up as 'close' below.
    socket.on('error', () => undefined);
    socket.once('close', () => {
      openSockets -= 1;
      if (openSockets === 0) options.onClosed();
    });
  }
  const destroy = (): void => sockets.forEach((socket) => socket.destroy());
  if (!server) {
    // Read and discard, so the client's writes succeed as they would into a vanished network.
    client.on('data', () => undefined);
    return {
      get clientOpen() {
        return !client.destroyed;
      },
      stall: () => undefined,
      destroy,
    };
  }

  const toServer = createOrderedForwarder(client, server, options.countToServer);
  const toClient = createOrderedForwarder(server, client, options.countToClient);
  const frames = createServerFrameScanner(
    () => options.rewriting(),
    (frame) => options.rewriteFrame(frame),
  );

  client.on('data', (chunk: Buffer) => {
    if (state !== 'live') return;
    options.tap?.('toServer', chunk);
    toServer.push(chunk, options.delayMs());
  });
  server.on('data', (chunk: Buffer) => {
    if (state !== 'live') return;
    if (options.takeDropMidStanza()) {
      // Half a chunk is almost surely inside a WebSocket frame, hence inside a stanza.
      state = 'dropping';
      toServer.drop();
      const half = chunk.subarray(0, Math.max(1, Math.floor(chunk.length / 2)));
      options.tap?.('toClient', half);
      toClient.push(half, options.delayMs(), destroy);
      return;
    }
    for (const part of frames.push(chunk)) {
      options.tap?.('toClient', part);
      toClient.push(part, options.delayMs());
    }
  });
  // A clean close (FIN) travels behind the data; a reset closes the other side at once.
  client.on('end', () => {
    if (state === 'live') toServer.end(options.delayMs());
  });
  server.on('end', () => {
    if (state === 'live') toClient.end(options.delayMs());
  });
  for (const [socket, other] of [
    [client, server],
    [server, client],
  ] as const) {
    socket.on('close', (hadError: boolean) => {
      if ((hadError && state === 'live') || state === 'dropping') other.destroy();
    });
  }

  return {
    get clientOpen() {
      return !client.destroyed;
    },
    stall() {
      if (state !== 'live') return;
      state = 'stalled';
      toServer.drop();
      toClient.drop();
      // A socket paused for backpressure would stop reading: keep reading, and drop.
      client.resume();
      server.resume();
    },
    destroy,
  };
}
