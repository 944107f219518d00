import { connect as connectTcp, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { xml, type Element } from '@xmpp/xml';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../../scripts/lib/faultProxy';
import { startProsody, type ProsodyServer } from '../../scripts/lib/prosody';
import { withTimeout } from '../../scripts/lib/withTimeout';
import { connectPeer, type XmppPeer } from '../../scripts/lib/xmppPeer';
import { peerTcpSocket } from '../support/peerTcpSocket';
import { parseWebSocketFrames } from '../support/webSocketFrames';

// Proves each fault of the TCP fault proxy against a real Prosody, with Node peers connected
// through it. Negative checks ("nothing arrives") wait a bounded time; everything else waits
// for an event, with a timeout.

const NS_ATOM = 'http://www.w3.org/2005/Atom';
/** How long a check waits for what must NOT arrive (a stalled answer). */
const SILENCE_MS = 1_500;

describe('fault proxy in front of Prosody', () => {
  let server: ProsodyServer | undefined;
  let proxy: FaultProxy | undefined;
  let wsUrl: string;
  let jid: string;
  const password = 'fault-pw';
  /** Each peer of the current test, and when its socket closed (performance.now()). */
  const peers = new Map<XmppPeer, Promise<number>>();

  beforeAll(async () => {
    server = await startProsody();
    jid = await server.register('fault', password);
    proxy = await startFaultProxy({ target: { host: '127.0.0.1', port: server.httpPort } });
    wsUrl = proxy.wsUrlFor(server.wsUrl);
  });

  afterEach(async () => {
    // A cut closes every peer's socket, stalled ones included, so there is nothing left to
    // stop(), which would wait out @xmpp/client's 2 s stream-close timeout for each.
    proxy?.cut();
    const closing = [...peers.values()];
    peers.clear();
    await withTimeout(Promise.all(closing), 5_000, () => 'a peer outlived the cut');
    proxy?.pass();
    proxy?.resetCounters();
  });

  afterAll(async () => {
    try {
      await proxy?.close();
    } finally {
      await server?.stop();
    }
  });

  function p(): FaultProxy {
    if (!proxy) throw new Error('the fault proxy did not start');
    return proxy;
  }

  /**
   * A peer through the proxy, once XEP-0198 is on: its `<enabled/>` may arrive after login,
   * and a fault must not take it (SM on is also what lets the client notice a stall at all).
   */
  async function connectViaProxy(iqTimeoutMs?: number): Promise<XmppPeer> {
    const peer = await connectPeer({ wsUrl, jid, password, iqTimeoutMs });
    peers.set(
      peer,
      new Promise((resolve) => {
        peer.client.on('disconnect', () => resolve(performance.now()));
      }),
    );
    await vi.waitFor(() => expect(peer.client.streamManagement.enabled).toBe(true), {
      timeout: 5_000,
      interval: 10,
    });
    return peer;
  }

  const ping = (peer: XmppPeer, timeoutMs?: number): Promise<Element> =>
    peer.iq(
      xml('iq', { type: 'get', to: 'localhost' }, xml('ping', { xmlns: 'urn:xmpp:ping' })),
      timeoutMs,
    );

  /** When the peer's socket closed (performance.now()). */
  function disconnectOf(peer: XmppPeer): Promise<number> {
    const closed = peers.get(peer);
    if (!closed) throw new Error('not a peer of this test');
    return closed;
  }

  it('pass: a peer logs in through the proxy and a pubsub round trip works', async () => {
    const peer = await connectViaProxy();
    expect(peer.mechanism).toBe('SCRAM-SHA-1');
    expect(p().connections).toBe(1);
    const service = server!.pubsubService;
    await peer.createNode(service, 'fault/pass', { 'pubsub#access_model': 'open' });
    await peer.publish(service, 'fault/pass', 'one', xml('entry', { xmlns: NS_ATOM }, 'hello'));
    const items = await peer.items(service, 'fault/pass');
    expect(items.map((item) => item.attrs.id)).toEqual(['one']);
  });

  it('cut: open connections close within a second; new ones fail until pass()', async () => {
    const peer = await connectViaProxy();
    const closed = disconnectOf(peer);
    const cutAt = performance.now();
    p().cut();
    const closedAt = await withTimeout(closed, 1_000, () => 'the peer did not see the cut');
    expect(closedAt - cutAt).toBeLessThan(1_000);
    expect(p().connections).toBe(0);

    await expect(
      withTimeout(
        connectPeer({ wsUrl, jid, password }),
        5_000,
        () => 'login neither failed nor worked',
      ),
    ).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(p().connections).toBe(0);

    p().pass();
    await ping(await connectViaProxy());
  });

  it('stall: nothing passes either way while sockets stay open; a stalled connection stays dead', async () => {
    const stalled = await connectViaProxy(SILENCE_MS);
    let disconnected = false;
    stalled.client.on('disconnect', () => (disconnected = true));
    p().resetCounters();
    p().stall();

    await expect(ping(stalled)).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(p().bytes).toEqual({ toClient: 0, toServer: 0 });
    expect(disconnected).toBe(false);
    expect(stalled.client.status).toBe('online');
    expect(p().connections).toBe(1);

    // A new connection is accepted and kept open, but never reaches Prosody.
    const raw = await openRawHttp(p().port);
    try {
      expect(await bytesWithin(raw, SILENCE_MS)).toBe(0);
      expect(raw.destroyed).toBe(false);
      expect(p().connections).toBe(2);
      expect(p().bytes).toEqual({ toClient: 0, toServer: 0 });
    } finally {
      raw.destroy();
    }

    p().pass();
    await expect(ping(stalled)).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(p().bytes).toEqual({ toClient: 0, toServer: 0 });
    expect(disconnected).toBe(false);
    await ping(await connectViaProxy());
  });

  it('stall: @xmpp/client notices only through its XEP-0198 ack timeout (1 s here, 60 s by default)', async () => {
    const peer = await connectViaProxy(10_000);
    peer.client.streamManagement.timeout = 1_000;
    const tcp = peerTcpSocket(peer);
    p().stall();
    const stalledAt = performance.now();
    // Any stanza makes the client send <r/> 250 ms later; no <a/> within the timeout: it gives up.
    ping(peer).catch(() => undefined);

    const closedAt = await withTimeout(disconnectOf(peer), 15_000, () => 'the peer never noticed');
    // Its own stream close (2 s) and socket close (2 s) time out in the stall first.
    expect(closedAt - stalledAt).toBeGreaterThan(1_000);
    // ws still waits (30 s) for the server's close frame: the TCP socket outlives the session.
    expect(tcp.destroyed).toBe(false);
    expect(p().connections).toBe(1);
  });

  it('slow: an IQ round trip takes at least the delay each way; pass() makes it fast again', async () => {
    const peer = await connectViaProxy();
    const delayMs = 300;
    p().slow(delayMs);
    const start = performance.now();
    await ping(peer);
    expect(performance.now() - start).toBeGreaterThanOrEqual(2 * delayMs);

    p().pass();
    const fastStart = performance.now();
    await ping(peer);
    expect(performance.now() - fastStart).toBeLessThan(delayMs);
  });

  it('dropMidStanza: the client gets part of a stanza, then its socket closes', async () => {
    const service = server!.pubsubService;
    const setup = await connectViaProxy();
    await setup.createNode(service, 'fault/drop', { 'pubsub#access_model': 'open' });
    const body = 'A post long enough to span many bytes. '.repeat(100);
    await setup.publish(service, 'fault/drop', 'big', xml('entry', { xmlns: NS_ATOM }, body));
    // The drop takes the next chunk of any connection: the setup peer's late XEP-0198 <a/>
    // must not be it. A peer connectViaProxy() returned is idle.
    await setup.stop();

    const peer = await connectViaProxy(2_000);
    const received: Buffer[] = [];
    peerTcpSocket(peer).on('data', (chunk: Buffer) => received.push(chunk));
    const stanzas: Element[] = [];
    peer.onStanza((stanza) => stanzas.push(stanza));
    const closed = disconnectOf(peer);
    p().dropMidStanza();
    const request = peer.items(service, 'fault/drop');

    await withTimeout(closed, 2_000, () => 'the peer did not see the drop');
    await expect(request).rejects.toThrow();
    expect(stanzas).toEqual([]);
    await vi.waitFor(() => expect(p().connections).toBe(0), { timeout: 2_000 });

    const frames = parseWebSocketFrames(Buffer.concat(received));
    const last = frames.at(-1)!;
    expect(last.complete).toBe(false);
    expect(last.payload.length).toBeGreaterThan(0);
    const text = last.payload.toString('utf8');
    expect(text).toMatch(/^<iq /);
    expect(text).not.toContain('</iq>');

    // The drop was one chunk only: the next connection works.
    await ping(await connectViaProxy());
  });

  it('corruptNextFrame: invalid UTF-8 in one item frame, its length kept; the client fails the connection', async () => {
    const service = server!.pubsubService;
    const marker = 'MARKER-utf8-item';
    const setup = await connectViaProxy();
    await setup.createNode(service, 'fault/utf8', { 'pubsub#access_model': 'open' });
    const body = `A post that will arrive corrupted: ${marker}. `.repeat(20);
    await setup.publish(service, 'fault/utf8', 'bad', xml('entry', { xmlns: NS_ATOM }, body));
    await setup.stop();

    const peer = await connectViaProxy(2_000);
    const received: Buffer[] = [];
    peerTcpSocket(peer).on('data', (chunk: Buffer) => received.push(chunk));
    const wsError = webSocketError(peer);
    const stanzas: Element[] = [];
    peer.onStanza((stanza) => stanzas.push(stanza));
    const closed = disconnectOf(peer);
    const corrupted = p().corruptNextFrame(marker);
    const request = peer.items(service, 'fault/utf8');

    const frame = await withTimeout(corrupted, 5_000, () => 'no frame carried the marker');
    await withTimeout(closed, 2_000, () => 'the peer did not fail the connection');
    await expect(request).rejects.toThrow();
    // ws refuses the message (RFC 6455 §8.1): no stanza of it reached the client.
    expect(stanzas).toEqual([]);
    // ws fails the connection with status 1007 (RFC 6455 §7.4.1) for this reason.
    expect(await wsError).toMatchObject({ code: 'WS_ERR_INVALID_UTF8' });

    const frames = parseWebSocketFrames(Buffer.concat(received));
    const hit = frames.find((f) => f.payload.includes(Buffer.from(marker.slice(2))));
    expect(hit, 'the corrupted frame reached the client').toBeDefined();
    expect(hit!.complete).toBe(true);
    expect(hit!.opcode).toBe(1);
    expect(hit!.declaredLength).toBe(frame.payloadLength);
    expect([...hit!.payload.subarray(frame.offset, frame.offset + 2)]).toEqual([0xff, 0xfe]);
    expect(hit!.payload.subarray(frame.offset + 2).toString('latin1')).toMatch(/^RKER-utf8-item/);
    expect(hit!.payload.toString('latin1')).toMatch(/^<iq [^]*<\/iq>$/);

    // One frame only: the next connection reads the same item intact.
    const again = await connectViaProxy();
    const items = await again.items(service, 'fault/utf8');
    expect(items[0]?.toString()).toContain(marker);
  });

  it('counts the bytes each way, and resets the counters', async () => {
    const service = server!.pubsubService;
    const peer = await connectViaProxy();
    await peer.createNode(service, 'fault/count', { 'pubsub#access_model': 'open' });
    const body = 'x'.repeat(50_000);
    p().resetCounters();
    expect(p().bytes).toEqual({ toClient: 0, toServer: 0 });

    await peer.publish(service, 'fault/count', 'big', xml('entry', { xmlns: NS_ATOM }, body));
    const afterPublish = p().bytes;
    expect(afterPublish.toServer).toBeGreaterThan(body.length);
    expect(afterPublish.toClient).toBeLessThan(body.length);

    await peer.items(service, 'fault/count');
    expect(p().bytes.toClient - afterPublish.toClient).toBeGreaterThan(body.length);

    p().resetCounters();
    expect(p().bytes).toEqual({ toClient: 0, toServer: 0 });
  });
});

/** The first error the peer's ws WebSocket reports (its private `socket`, as peerTcpSocket). */
function webSocketError(peer: XmppPeer): Promise<Error & { code?: string }> {
  const ws = (peer.client as unknown as { socket?: { socket?: WebSocket } }).socket?.socket;
  if (!(ws instanceof WebSocket)) throw new Error('no ws WebSocket under the peer');
  return new Promise((resolve) => ws.once('error', resolve));
}

/** A raw TCP connection that has sent the start of a WebSocket handshake. */
function openRawHttp(port: number): Promise<Socket> {
  return withTimeout(
    new Promise((resolve, reject) => {
      const socket = connectTcp({ host: '127.0.0.1', port }, () => {
        socket.off('error', reject);
        socket.write('GET /xmpp-websocket HTTP/1.1\r\nHost: localhost\r\n\r\n');
        resolve(socket);
      });
      socket.once('error', reject);
    }),
    5_000,
    () => 'could not connect to the proxy',
  );
}

/** How many bytes `socket` receives in the next `ms` (for checks that nothing arrives). */
function bytesWithin(socket: Socket, ms: number): Promise<number> {
  return new Promise((resolve) => {
    let count = 0;
    const onData = (chunk: Buffer): void => {
      count += chunk.length;
    };
    socket.on('data', onData);
    setTimeout(() => {
      socket.off('data', onData);
      resolve(count);
    }, ms);
  });
}
