import { xml } from '@xmpp/xml';
import { createAnalyserRegistry } from '../analysers/analyserRegistry';
import { registerBuiltinAnalysers } from '../analysers/builtinAnalysers';
import { createPubsubCache } from '../cache/createPubsubCache';
import { toNodeView } from '../cache/toViews';
import { createCacheManager } from '../cache/createCacheManager';
import { createAccountStore } from '../db/accountStore';
import { createItemStore } from '../db/itemStore';
import { createMaintenanceStore } from '../db/createMaintenanceStore';
import { createNodeStore } from '../db/nodeStore';
import { inOneTransaction } from '../db/inOneTransaction';
import { openSatchelDb } from '../db/openSatchelDb';
import { createResumptionStore } from '../db/resumptionStore';
import { createSettingsStore } from '../db/settingsStore';
import { createChannelHub, type MessageSource } from '../rpc/server/createChannelHub';
import { createRpcRouter } from '../rpc/server/createRpcRouter';
import type {
  ItemsChangedEvent,
  NodeAddress,
  RpcEventMessage,
  StorageState,
} from '../shared/protocol';
import { SatchelError } from '../shared/SatchelError';
import { connectOnce } from '../xmpp/connectOnce';
import { createSessionManager } from '../xmpp/createSessionManager';
import { createXmppClient } from '../xmpp/createXmppClient';
import { defaultBackoff } from '../xmpp/reconnectDelay';
import { createBackgroundWork } from './createBackgroundWork';
import { createDatabaseHolder } from './createDatabaseHolder';
import { perDatabase } from './perDatabase';
import { registerStorageMethods } from './registerStorageMethods';
import { createSessionPersistence } from './createSessionPersistence';
import { log } from './log';
import { probeHttp } from './probeHttp';
import { registerOutboxMethods } from './registerOutboxMethods';
import { backgroundSync, OUTBOX_SYNC_TAG } from './backgroundSync';
import { createOnlineWaiter } from './createOnlineWaiter';
import { createOutbox } from '../cache/outbox/createOutbox';
import { sendOutboxEntry } from '../cache/outbox/sendOutboxEntry';
import type { CacheDeps } from '../cache/CacheDeps';
import { createOutboxStore } from '../db/outboxStore';
import { registerPubsubMethods } from './registerPubsubMethods';
import { registerSearchMethods } from './registerSearchMethods';
import { readFirstRows } from './prerender/readFirstRows';
import { registerCacheMethods } from './registerCacheMethods';
import { registerContactsMethods } from './registerContactsMethods';
import { registerSessionMethods } from './registerSessionMethods';

/**
 * The composition root of the engine (xmpp.js `client/index.js` style): opens the database,
 * creates the session and the RPC, and wires them. Everything else is a factory taking its
 * collaborators by name.
 */
export function startEngine(scope: ServiceWorkerGlobalScope) {
  let storageState: StorageState = { status: 'ok' };
  const broadcast = (message: RpcEventMessage): void => hub.broadcast(message);
  const setStorageState = (data: StorageState): void => {
    storageState = data;
    broadcast({ kind: 'event', event: 'storage', data });
  };
  const databases = createDatabaseHolder({
    open: () => openSatchelDb({ onStorageState: setStorageState }),
    onState: setStorageState,
    log,
  });

  const background = createBackgroundWork();
  const registry = createAnalyserRegistry({
    onError: (f) => log(`analyser ${f.analyser} failed on ${f.node}`, f.error),
  });
  registerBuiltinAnalysers(registry);
  const signedInAccount = (): string => {
    const account = session.state().account;
    if (!account) throw new SatchelError('not-signed-in');
    return account;
  };
  const emitItems = (data: ItemsChangedEvent): void => {
    // Items were written again: whatever filled the storage has been freed.
    if (storageState.status === 'full' && data.upserted.length > 0)
      setStorageState({ status: 'ok' });
    broadcast({ kind: 'event', event: 'items', data });
  };
  const iqFor = (account: string) => ({
    request: (stanza: Parameters<typeof session.iq>[0], timeoutMs?: number) => {
      if (session.state().account !== account)
        return Promise.reject(new SatchelError('not-signed-in', account));
      return session.iq(stanza, timeoutMs);
    },
  });
  // Every store and what is built on them, once per database (a reset opens a new one).
  const stores = perDatabase(databases.get, (db) => {
    const nodes = createNodeStore({ db });
    const items = createItemStore({ db });
    const maintenance = createMaintenanceStore({
      db,
      timeFieldsOf: (name) => registry.get(name)?.timeFields,
    });
    const deps: CacheDeps = {
      nodes,
      items,
      iq: iqFor,
      registry,
      now: Date.now,
      random: Math.random,
      emitNode: (account, node) =>
        broadcast({ kind: 'event', event: 'node', data: { ...toNodeView(node), account } }),
      emitItems,
      emitWordsIndexed: () => broadcast({ kind: 'event', event: 'wordsIndexed', data: {} }),
      track: (work) => background.track(work),
      onStorageFull: (error) => setStorageState({ status: 'full', error: error.toData() }),
      log,
    };
    const cache = createPubsubCache(deps);
    const outbox = createOutbox({
      store: createOutboxStore({ db }),
      send: (entry) => sendOutboxEntry(deps, entry),
      online: (account) => {
        const { status, account: current } = session.state();
        return status === 'online' && current === account;
      },
      emit: (account, entries) =>
        broadcast({ kind: 'event', event: 'outbox', data: { account, entries } }),
      now: Date.now,
      retryAfter: (attempts) => Math.min(60_000, 2_000 * 2 ** Math.min(attempts, 5)),
      setTimer: (run, ms) => void setTimeout(run, ms),
      track: (work) => background.track(work),
      log,
    });
    const manager = createCacheManager({
      nodes,
      items,
      maintenance,
      registry,
      cache: {
        follow: (account, at) => cache.follow(account, at),
        resync: (account, at) => cache.resync(account, at),
      },
      emitItems: (data) => broadcast({ kind: 'event', event: 'items', data }),
      atomically: (work) => inOneTransaction(db, work),
      now: Date.now,
    });
    return {
      cache,
      outbox,
      manager,
      maintenance,
      firstRows: (account: string, address: NodeAddress) =>
        readFirstRows({ nodes, items }, account, address),
      session: {
        accounts: createAccountStore({ db }),
        resumption: createResumptionStore({ db }),
        settings: createSettingsStore({ db }),
      },
    };
  });
  const cache = async () => (await stores()).cache;
  const outbox = async () => (await stores()).outbox;
  const online = createOnlineWaiter();

  // Settles once the session has read the stored account: until then the account is unknown.
  let stateKnown = (): void => undefined;
  const known = new Promise<void>((resolve) => (stateKnown = resolve));
  const session = createSessionManager({
    persistence: createSessionPersistence(async () => (await stores()).session),
    connect: (request) =>
      connectOnce(
        {
          createClient: createXmppClient,
          probeHttp,
          onMalformed: (reason) => log(`malformed input from the server: ${reason}`),
        },
        request,
      ),
    onState: (data) => {
      if (!data.restoring) stateKnown();
      if (data.status === 'online' && data.account) online.arrived(data.account);
      broadcast({ kind: 'event', event: 'connection', data });
    },
    onSessionStarted: (live, { resumed }) => {
      // RFC 6121 §4.2: initial presence, so the server routes notifications to this resource.
      // A resumed session kept its presence (XEP-0198 §5).
      if (!resumed)
        live.client.entity.send(xml('presence')).catch((e: unknown) => log('presence failed', e));
      const account = session.state().account;
      if (account) background.track(cache().then((c) => c.onSessionStarted(account, resumed)));
      // Writes made while away go out now, in order (issue 17), beside the catch-up.
      if (account) background.track(outbox().then((o) => o.flush(account)));
    },
    onStanza: (stanza) => {
      const account = session.state().account;
      if (account) void cache().then((c) => c.onStanza(account, stanza));
    },
    isBrowserOnline: () => scope.navigator.onLine,
    now: Date.now,
    random: Math.random,
    backoff: defaultBackoff,
    connectTimeoutMs: 20_000,
    log,
  });

  const router = createRpcRouter();
  registerSessionMethods(router, {
    session,
    fetch: (input, init) => scope.fetch(input, init),
    ownOrigin: scope.location.origin,
  });
  registerPubsubMethods(router, { cache, account: signedInAccount, iq: iqFor });
  registerCacheMethods(router, {
    cache,
    manager: async () => (await stores()).manager,
    account: signedInAccount,
  });
  registerSearchMethods(router, {
    maintenance: async () => (await stores()).maintenance,
    account: signedInAccount,
  });
  registerContactsMethods(router, { account: signedInAccount, iq: iqFor });
  registerOutboxMethods(router, {
    outbox,
    account: signedInAccount,
    now: Date.now,
    newItemId: () => crypto.randomUUID(),
    // Background Sync (where the browser has it) wakes the worker to send once online.
    requestSync: () => {
      backgroundSync(scope)
        ?.register(OUTBOX_SYNC_TAG)
        .catch((e: unknown) => log('background sync refused', e));
    },
  });
  registerStorageMethods(router, databases, {
    afterReopen: () => session.restore(),
    // The reader freed space: the banner goes, what waits for a retry runs now, and a write
    // the disk still refuses says "full" again.
    retryWrites: async () => {
      if (storageState.status === 'full') setStorageState({ status: 'ok' });
      (await cache()).retryNow();
    },
  });

  const hub = createChannelHub({
    router,
    build: __SATCHEL_BUILD__,
    connectionState: () => session.state(),
    storageState: () => storageState,
    liveClientIds: async () =>
      (await scope.clients.matchAll({ type: 'window', includeUncontrolled: true })).map(
        (c) => c.id,
      ),
    log,
  });

  scope.addEventListener('online', () => session.networkChanged(true));
  scope.addEventListener('offline', () => session.networkChanged(false));

  // A worker the browser stopped and started again picks the session up from IndexedDB.
  const restored = session
    .restore()
    .catch((error: unknown) => log('session restore failed', error));
  // Words a sync queued before the worker was stopped are indexed whether a session returns or
  // not (offline too): building the cache kicks its word indexer (schema v6).
  background.track(restored.then(() => cache()));

  return {
    /** A background refresh: reconnect if signed in, let the catch-up of synced nodes run. */
    async refresh(): Promise<void> {
      log('background refresh');
      await session.restore().catch((error: unknown) => log('refresh failed', error));
      await background.settled();
    },
    /**
     * A Background Sync event: reconnect if signed in, send the outbox, and reject while writes
     * still wait, so the browser tries again later.
     */
    async syncOutbox(): Promise<void> {
      await session.restore().catch((error: unknown) => log('sync: restore failed', error));
      // Only a session on its way is waited for; an offline one makes the browser retry later.
      const state = session.state();
      const account =
        state.status === 'offline' || state.status === 'reconnecting'
          ? undefined
          : await online.wait(state, 10_000);
      if (!account) throw new SatchelError('connection-lost', 'outbox: no session to send on');
      const box = await outbox();
      await box.flush(account);
      if (await box.hasQueued(account))
        throw new SatchelError('connection-lost', 'outbox: writes still wait');
    },
    /** Settles once the database is open (or failed to) and the session restore was tried. */
    ready: databases
      .get()
      .then(() => restored)
      .catch(() => undefined),
    /** What a navigation's pre-rendered feed rows are read with (src/sw/prerender). */
    prerenderSource: {
      account: async (): Promise<string | undefined> => {
        await known;
        return session.state().account;
      },
      firstRows: async (account: string, address: NodeAddress) =>
        (await stores()).firstRows(account, address),
    },
    /** Handles a `controller.postMessage`; the returned promise goes to `waitUntil`. */
    async onControllerMessage(
      data: unknown,
      ports: readonly MessagePort[],
      source: Client | null,
    ): Promise<void> {
      const from: MessageSource | null = source && {
        id: source.id,
        postMessage: (m) => source.postMessage(m),
      };
      await hub.onControllerMessage(data, ports, from);
      // A page's heartbeat paces the liveness probe: a timer of the worker's own would not
      // keep it alive (platform-facts.md). The probe's ping has its own timeout.
      await session.probe();
      await restored; // keep the worker alive while the session is being restored
      await background.settled(); // and while a sync or event batch is running
    },
  };
}
