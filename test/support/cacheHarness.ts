import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { xml } from '@xmpp/xml';
import WebSocket from 'ws';
import type { ProsodyServer } from '../../scripts/lib/prosody';
import { createAnalyserRegistry } from '../../src/analysers/analyserRegistry';
import { registerBuiltinAnalysers } from '../../src/analysers/builtinAnalysers';
import type { CacheDeps } from '../../src/cache/CacheDeps';
import { createPubsubCache } from '../../src/cache/createPubsubCache';
import { createItemStore } from '../../src/db/itemStore';
import { createNodeStore } from '../../src/db/nodeStore';
import { openSatchelDb } from '../../src/db/openSatchelDb';
import type { SatchelDb } from '../../src/db/SatchelDb';
import type { ItemsChangedEvent } from '../../src/shared/protocol';
import { connectOnce, type LiveSession } from '../../src/xmpp/connectOnce';
import { createXmppClient } from '../../src/xmpp/createXmppClient';

// Node 20 has no global WebSocket; @xmpp/websocket uses the global one.
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

export async function openTestDb(): Promise<SatchelDb> {
  return openSatchelDb({ name: `test-${Date.now()}-${Math.random()}`, indexedDB, IDBKeyRange });
}

/**
 * The worker's cache as the engine wires it, in Node: the real XMPP layer against Prosody, the
 * real stores on fake-indexeddb. One per account; several may share a database.
 */
export async function createSatchel(
  prosody: ProsodyServer,
  account: { jid: string; password: string },
  db: SatchelDb,
  overrides: Partial<CacheDeps> = {},
) {
  let live: LiveSession | undefined;
  const changes: ItemsChangedEvent[] = [];
  const nodes = createNodeStore({ db });
  const items = createItemStore({ db });
  const registry = createAnalyserRegistry();
  registerBuiltinAnalysers(registry);
  const cache = createPubsubCache({
    iq: () => {
      const current = live;
      if (!current) throw new Error('not connected');
      return current.iqCaller;
    },
    nodes,
    items,
    registry,
    now: Date.now,
    random: Math.random,
    emitNode: () => undefined,
    emitItems: (e) => changes.push(e),
    track: () => undefined,
    log: (message, detail) => {
      if (process.env.DEBUG_ERRORS) console.log(`[${account.jid}] ${message}`, detail ?? '');
    },
    ...overrides,
  });
  const satchel = {
    cache,
    nodes,
    items,
    changes,
    get live() {
      if (!live) throw new Error('not connected');
      return live;
    },
    async connect(): Promise<void> {
      live = await connectOnce(
        {
          createClient: createXmppClient,
          probeHttp: () => Promise.resolve(true),
          onMalformed: (reason) => {
            if (process.env.DEBUG_ERRORS) console.log(`[${account.jid}] malformed: ${reason}`);
          },
        },
        {
          account: account.jid,
          websocketUrl: prosody.wsUrl,
          resource: `test-${Math.random().toString(36).slice(2, 8)}`,
          password: account.password,
          allowPlain: false,
          timeoutMs: 10_000,
          onStanza: (stanza) => cache.onStanza(account.jid, stanza),
        },
      );
      // DEBUG_ERRORS=1 shows stream errors and cache failures when a test needs explaining.
      if (process.env.DEBUG_ERRORS) {
        live.client.entity.on('error', (e) => console.log(`[${account.jid}] error`, e.message));
      }
      await live.client.entity.send(xml('presence'));
    },
    async disconnect(): Promise<void> {
      await live?.client.entity.stop().catch(() => undefined);
      live = undefined;
    },
  };
  await satchel.connect();
  return satchel;
}
