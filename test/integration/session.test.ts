import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { xml } from '@xmpp/xml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { freePort } from '../../scripts/lib/freePort';
import { startProsody, type ProsodyServer } from '../../scripts/lib/prosody';
import type { ConnectionState } from '../../src/shared/protocol';
import { connectOnce, type ConnectRequest } from '../../src/xmpp/connectOnce';
import { createSessionManager } from '../../src/xmpp/createSessionManager';
import { createXmppClient } from '../../src/xmpp/createXmppClient';
import { memoryPersistence } from '../support/memoryPersistence';

// The worker's XMPP layer, run in Node against a real Prosody (the browser e2e suite covers the
// same path inside a service worker). Node 20 has no global WebSocket.
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

const deps = {
  createClient: createXmppClient,
  probeHttp: async (url: string) => {
    try {
      await fetch(url.replace(/^ws/u, 'http'), { signal: AbortSignal.timeout(2000) });
      return true;
    } catch {
      return false;
    }
  },
  onMalformed: () => undefined,
};

let prosody: ProsodyServer;
let account: string;
beforeAll(async () => {
  prosody = await startProsody({ smacksHibernationSeconds: 120 });
  account = await prosody.register('alice', 'correct horse');
});
afterAll(() => prosody.stop());

function request(patch: Partial<ConnectRequest> = {}): ConnectRequest {
  return {
    account,
    websocketUrl: prosody.wsUrl,
    resource: 'test-a',
    allowPlain: false,
    timeoutMs: 10_000,
    password: 'correct horse',
    ...patch,
  };
}

describe('connectOnce against Prosody', () => {
  it('authenticates with SCRAM-SHA-1, binds the resource and returns reusable keys', async () => {
    const live = await connectOnce(deps, request());
    expect(live.auth.mechanism).toBe('SCRAM-SHA-1');
    expect(live.boundJid).toBe(`${account}/test-a`);
    expect(live.resumed).toBe(false);
    await live.client.entity.stop();
    const again = await connectOnce(deps, request({ password: undefined, keys: live.auth.keys! }));
    expect(again.boundJid).toBe(`${account}/test-a`);
    await again.client.entity.stop();
  });

  it('reports a wrong password as auth-failed', async () => {
    await expect(connectOnce(deps, request({ password: 'wrong' }))).rejects.toMatchObject({
      code: 'auth-failed',
    });
  });

  it('tells an unreachable server from a web server without an XMPP WebSocket', async () => {
    const port = await freePort();
    await expect(
      connectOnce(deps, request({ websocketUrl: `ws://127.0.0.1:${port}/xmpp-websocket` })),
    ).rejects.toMatchObject({ code: 'server-unreachable' });
    const web = createServer((_req, res) => res.writeHead(404).end('not here'));
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    const webPort = (web.address() as AddressInfo).port;
    try {
      await expect(
        connectOnce(deps, request({ websocketUrl: `ws://127.0.0.1:${webPort}/xmpp-websocket` })),
      ).rejects.toMatchObject({ code: 'no-websocket' });
    } finally {
      web.close();
    }
  });

  it('resumes a session whose socket died (XEP-0198) with the saved id and counter', async () => {
    const first = await connectOnce(deps, request({ resource: 'test-resume' }));
    const { streamManagement: sm } = first.client;
    // Resolved only once resumable: <enabled/> has arrived (whenEnableAnswered.ts).
    expect(sm.enabled).toBe(true);
    expect(sm.id).not.toBe('');
    // Stanzas sent and acknowledged in the first session: the new client never queued them.
    await first.client.entity.send(xml('presence'));
    await expect.poll(() => sm.outbound).toBe(1);
    const saved = { smId: sm.id, inbound: sm.inbound, fullJid: first.boundJid };
    // Drop the socket without closing the stream, as a stopped service worker does.
    (
      first.client.entity as unknown as {
        socket: { socket: { terminate?: () => void; close: () => void } };
      }
    ).socket.socket.close();
    await expect.poll(() => first.client.entity.status).toBe('disconnect');
    const resumed = await connectOnce(
      deps,
      request({ resource: 'test-resume', resumption: saved }),
    );
    expect(resumed.resumed).toBe(true);
    expect(resumed.boundJid).toBe(first.boundJid);
    // The resumed stream is usable (no second resource binding broke it).
    const pong = await resumed.iqCaller.request(
      xml('iq', { type: 'get', to: 'localhost' }, xml('ping', { xmlns: 'urn:xmpp:ping' })),
    );
    expect(pong.attrs.type).toBe('result');
    await resumed.client.entity.stop();
  });
});

/** A session manager on the real connection, signed in to `account` (staying signed in). */
async function signedInManager(
  persistence: ReturnType<typeof memoryPersistence>,
  onState: (state: ConnectionState) => void,
) {
  const manager = createSessionManager({
    persistence,
    connect: (r) => connectOnce(deps, r),
    onState,
    onSessionStarted: () => undefined,
    onStanza: () => undefined,
    isBrowserOnline: () => true,
    now: Date.now,
    random: Math.random,
    backoff: { baseMs: 200, maxMs: 2000 },
    connectTimeoutMs: 10_000,
    log: () => undefined,
  });
  await manager.signIn({
    jid: account,
    password: 'correct horse',
    websocketUrl: prosody.wsUrl,
    staySignedIn: true,
    allowPlain: false,
  });
  return manager;
}

describe('session manager against Prosody', () => {
  it('reports online only once a restarted worker could resume: the state is saved', async () => {
    const persistence = memoryPersistence();
    const savedWhenOnline: unknown[] = [];
    const manager = await signedInManager(persistence, (s) => {
      if (s.status === 'online') savedWhenOnline.push(persistence.resumptions.get(account));
    });
    const sm = manager.live()!.client.streamManagement;
    expect(savedWhenOnline).toEqual([
      expect.objectContaining({ account, smId: sm.id, fullJid: `${account}/satchel-test` }),
    ]);
    await manager.signOut();
  });

  it('reconnects by itself after the server restarts, with back-off', async () => {
    const states: ConnectionState[] = [];
    const manager = await signedInManager(memoryPersistence(), (s) => states.push(s));
    expect(manager.state().status).toBe('online');
    await prosody.restart();
    await expect
      .poll(() => states.some((s) => s.status === 'reconnecting'), { timeout: 10_000 })
      .toBe(true);
    await expect.poll(() => manager.state().status, { timeout: 20_000 }).toBe('online');
    // The loss is recorded, then retries while Prosody was down found nothing listening.
    expect(states.find((s) => s.status === 'reconnecting')?.lastFailure?.code).toBe(
      'connection-lost',
    );
    expect(['connection-lost', 'server-unreachable']).toContain(manager.state().lastFailure?.code);
    await manager.signOut();
    expect(manager.state().status).toBe('signedOut');
  });
});
