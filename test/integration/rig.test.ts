import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { xml } from '@xmpp/xml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startProsody, type ProsodyServer } from '../../scripts/lib/prosody';
import { connectPeer, type XmppPeer } from '../../scripts/lib/xmppPeer';
import { buildDemoContent, MICROBLOG_NODE } from '../../scripts/lib/demoContent';
import { seedDemo } from '../../scripts/seedDemo';
import { serveApp, type ServedApp } from '../../scripts/serveApp';
import { launchBrowser, serviceWorkerReady, stopServiceWorkers } from '../support/browser';
import { isProcessAlive } from '../support/processes';

// Proves the test rig itself: a private Prosody, accounts, two Node peers logging in with
// SCRAM-SHA-1 over WebSocket (RFC 7395), XEP-0060 publish and fetch, and no leaked servers.

const NS_ATOM = 'http://www.w3.org/2005/Atom';
const FIXTURE = fileURLToPath(new URL('../support/fixtures/prosodyThenExit.ts', import.meta.url));

describe('rig: Prosody and two peers', () => {
  let server: ProsodyServer;
  let alice: XmppPeer;
  let bob: XmppPeer;
  const started: { stop(): Promise<void> }[] = [];

  beforeAll(async () => {
    server = await startProsody();
    started.push(server);
    const [aliceJid, bobJid] = await Promise.all([
      server.register('alice', 'alice-pw'),
      server.register('bob', 'bob-pw'),
    ]);
    [alice, bob] = await Promise.all([
      connectPeer({ wsUrl: server.wsUrl, jid: aliceJid, password: 'alice-pw' }),
      connectPeer({ wsUrl: server.wsUrl, jid: bobJid, password: 'bob-pw' }),
    ]);
    started.unshift(alice, bob);
  });

  afterAll(async () => {
    // Peers first, then the server; whatever beforeAll got to start.
    for (const thing of started) await thing.stop();
  });

  it('logs both peers in with SCRAM-SHA-1 on their own resources', () => {
    expect(alice.mechanism).toBe('SCRAM-SHA-1');
    expect(bob.mechanism).toBe('SCRAM-SHA-1');
    expect(alice.jid).toMatch(/^alice@localhost\/.+/);
    expect(bob.jid).toMatch(/^bob@localhost\/.+/);
  });

  it('publishes on the pubsub component and reads the items back from another account', async () => {
    const node = 'rig/items';
    await alice.createNode(server.pubsubService, node, {
      'pubsub#max_items': '100',
      'pubsub#persist_items': '1',
      'pubsub#access_model': 'open',
    });
    // Creating again is not an error: the peer reconfigures the existing node.
    await alice.createNode(server.pubsubService, node, { 'pubsub#max_items': '100' });
    for (const n of [1, 2, 3]) {
      const entry = xml('entry', { xmlns: NS_ATOM }, xml('title', {}, `Post ${n}`));
      await alice.publish(server.pubsubService, node, `item-${n}`, entry);
    }

    const items = await bob.items(server.pubsubService, node);
    expect(items.map((item) => item.attrs.id).sort()).toEqual(['item-1', 'item-2', 'item-3']);
    const titles = items.map((item) => item.getChild('entry', NS_ATOM)?.getChildText('title'));
    expect(titles.sort()).toEqual(['Post 1', 'Post 2', 'Post 3']);

    await alice.retract(server.pubsubService, node, 'item-2');
    expect((await bob.items(server.pubsubService, node)).map((i) => i.attrs.id).sort()).toEqual([
      'item-1',
      'item-3',
    ]);
    await alice.deleteNode(server.pubsubService, node);
    await expect(bob.items(server.pubsubService, node)).rejects.toMatchObject({
      condition: 'item-not-found',
    });
  });

  it('keeps data and ports across restart()', async () => {
    await alice.createNode(alice.bareJid, 'urn:xmpp:microblog:0', {
      'pubsub#max_items': '50',
      'pubsub#access_model': 'open',
    });
    await alice.publish(
      alice.bareJid,
      'urn:xmpp:microblog:0',
      'kept',
      xml('entry', { xmlns: NS_ATOM }),
    );
    const { wsUrl } = server;
    const oldPid = server.pid;
    await server.restart();
    expect(server.pid).not.toBe(oldPid);
    expect(isProcessAlive(oldPid)).toBe(false);

    const again = await connectPeer({ wsUrl, jid: 'bob@localhost', password: 'bob-pw' });
    try {
      const items = await again.items('alice@localhost', 'urn:xmpp:microblog:0');
      expect(items.map((item) => item.attrs.id)).toEqual(['kept']);
    } finally {
      await again.stop();
    }
  });
});

describe('rig: demo content', () => {
  it('is deterministic and seeds idempotently', async () => {
    const now = new Date('2026-11-01T12:00:00Z');
    const build = () =>
      buildDemoContent({ ownerJid: 'demo@localhost', pubsubService: 'pubsub.localhost', now })
        .map((node) => node.items.map((item) => item.payload.toString()).join('\n'))
        .join('\n');
    expect(build()).toBe(build());

    const server = await startProsody();
    try {
      const jid = await server.register('demo', 'satchel-demo');
      const peer = await connectPeer({ wsUrl: server.wsUrl, jid, password: 'satchel-demo' });
      try {
        const first = await seedDemo(peer, { now });
        const second = await seedDemo(peer, { now });
        expect(second).toMatchObject({ nodes: first.nodes, items: first.items });
        const posts = await peer.items(jid, MICROBLOG_NODE);
        expect(posts).toHaveLength(50);
        expect(new Set(posts.map((post) => post.attrs.id)).size).toBe(50);
        expect(await peer.items(server.pubsubService, 'news/satchel')).not.toHaveLength(0);
      } finally {
        await peer.stop();
      }
    } finally {
      await server.stop();
    }
  });
});

describe('rig: no Prosody outlives its owner', () => {
  it('stop() in a finally kills the server when the test body throws', async () => {
    let pid = -1;
    const failingBody = async (): Promise<void> => {
      const server = await startProsody();
      pid = server.pid;
      try {
        expect(isProcessAlive(pid)).toBe(true);
        throw new Error('the test body failed');
      } finally {
        await server.stop();
      }
    };
    await expect(failingBody()).rejects.toThrow('the test body failed');
    expect(isProcessAlive(pid)).toBe(false);
  });

  it.each(['throw', 'hang'] as const)(
    'kills the server when its Node process dies (%s)',
    async (mode) => {
      const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, mode], {
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      const pid = await vi.waitFor(
        () => {
          const match = /^(\d+)\n/.exec(output);
          if (!match) throw new Error('no pid printed yet');
          return Number(match[1]);
        },
        { timeout: 20_000, interval: 50 },
      );
      expect(isProcessAlive(pid)).toBe(true);
      // "throw" exits through the process 'exit' hook; SIGKILL skips every hook and relies on
      // the kernel's parent-death signal (setpriv --pdeathsig).
      if (mode === 'throw') child.stdin.write('crash now\n');
      else child.kill('SIGKILL');
      await vi.waitFor(
        () => {
          expect(isProcessAlive(pid)).toBe(false);
        },
        { timeout: 10_000, interval: 50 },
      );
    },
  );
});

const SHELL_HTML = '<!doctype html><title>Satchel</title><script src="/app.js"></script>';
/** A worker that counts messages in memory: a restarted worker starts again at 1. */
const COUNTING_WORKER = `let count = 0;
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('message', (event) => event.ports[0].postMessage(++count));`;

describe('rig: serveApp and Chromium', () => {
  let dir: string;
  let app: ServedApp;
  let bare: ServedApp;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'satchel-serve-'));
    mkdirSync(join(dir, 'dist', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'index.html'), SHELL_HTML);
    writeFileSync(join(dir, 'dist', 'app.js'), "void navigator.serviceWorker.register('/sw.js');");
    writeFileSync(join(dir, 'dist', 'sw.js'), COUNTING_WORKER);
    writeFileSync(join(dir, 'dist', 'manifest.webmanifest'), '{}');
    writeFileSync(join(dir, 'dist', 'assets', 'index-abc123.js'), 'export {};');
    writeFileSync(join(dir, 'secret.txt'), 'outside the app');
    const websocketUrl = 'ws://127.0.0.1:5280/xmpp-websocket';
    app = await serveApp({ dir: join(dir, 'dist'), port: 0, websocketUrl });
    bare = await serveApp({ dir: join(dir, 'dist') });
  });

  afterAll(async () => {
    await Promise.all([app.close(), bare.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  /** A GET with the path sent exactly as written (fetch would normalise ".."). */
  function rawGet(port: number, path: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, timeout: 5_000 }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body });
        });
      });
      req.on('error', reject).end();
    });
  }

  it.each([
    ['', 'text/html; charset=utf-8', 'no-cache', "frame-ancestors 'none'"],
    ['sw.js', 'text/javascript; charset=utf-8', 'no-cache', "connect-src 'self' ws: wss:"],
    [
      'manifest.webmanifest',
      'application/manifest+json; charset=utf-8',
      'no-cache',
      "default-src 'self'",
    ],
    ['assets/index-abc123.js', 'text/javascript; charset=utf-8', 'immutable', "default-src 'self'"],
    ['feeds/some/route', 'text/html; charset=utf-8', 'no-cache', "base-uri 'none'"],
  ])('serves /%s with its type, cache policy and CSP', async (path, type, cache, csp) => {
    const res = await fetch(`${app.url}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('cache-control')).toContain(cache);
    expect(res.headers.get('content-security-policy')).toContain(csp);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('answers 404 for missing files with an extension, and never leaves the directory', async () => {
    const missing = await fetch(`${app.url}assets/missing.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-cache');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await rawGet(app.port, path);
      expect(res.body).not.toContain('outside the app');
    }
  });

  it('revalidates with ETag and advertises the WebSocket in host-meta (XEP-0156)', async () => {
    const first = await fetch(app.url);
    const etag = first.headers.get('etag')!;
    expect((await fetch(app.url, { headers: { 'If-None-Match': etag } })).status).toBe(304);

    const xrd = await fetch(`${app.url}.well-known/host-meta`);
    expect(await xrd.text()).toContain(
      '<Link rel="urn:xmpp:alt-connections:websocket" href="ws://127.0.0.1:5280/xmpp-websocket"/>',
    );
    const jrd = (await (await fetch(`${app.url}.well-known/host-meta.json`)).json()) as unknown;
    expect(jrd).toEqual({
      links: [
        { rel: 'urn:xmpp:alt-connections:websocket', href: 'ws://127.0.0.1:5280/xmpp-websocket' },
      ],
    });
    expect((await fetch(`${bare.url}.well-known/host-meta`)).status).toBe(404);
    expect(app.url).toMatch(/^http:\/\/localhost:\d+\/$/);
  });

  it('runs the page in Chromium under a service worker, which stopServiceWorkers() restarts', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      await page.goto(app.url);
      await serviceWorkerReady(page);
      const ask = (): Promise<number> =>
        page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const channel = new MessageChannel();
              channel.port1.onmessage = (event) => {
                resolve(event.data as number);
              };
              navigator.serviceWorker.controller?.postMessage('count', [channel.port2]);
            }),
        );
      expect(await ask()).toBe(1);
      expect(await ask()).toBe(2);
      await stopServiceWorkers(page);
      // The next message starts a fresh worker: its in-memory state is gone.
      expect(await ask()).toBe(1);
    } finally {
      await browser.close();
    }
  });
});
