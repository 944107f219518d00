import { createCacheManager } from '../cache/createCacheManager';
import type { PubsubCache } from '../cache/createPubsubCache';
import type { AnalyserRegistry } from '../analysers/analyserRegistry';
import { createMaintenanceStore } from '../db/createMaintenanceStore';
import { inOneTransaction } from '../db/inOneTransaction';
import { createItemStore } from '../db/itemStore';
import { createNodeStore } from '../db/nodeStore';
import type { SatchelDb } from '../db/SatchelDb';
import type { RpcRouter } from '../rpc/server/createRpcRouter';
import { empty, obj } from '../rpc/server/validators';
import { buildSearchHit } from '../search/buildSearchHit';
import { parseSearchText } from '../search/parseSearchText';
import type { RpcEventMessage, SearchParams } from '../shared/protocol';
import type { SearchQuery } from '../shared/searchQuery';
import { perDatabase } from './perDatabase';
import { address } from './validators/cacheValidators';
import {
  importParams,
  pinParams,
  purgeParams,
  retentionParams,
  searchParams,
} from './validators/searchValidators';

export interface SearchMethodsDeps {
  database: () => Promise<SatchelDb>;
  cache: () => Promise<PubsubCache>;
  registry: AnalyserRegistry;
  account: () => string;
  broadcast: (message: RpcEventMessage) => void;
}

function toQuery(account: string, p: SearchParams): SearchQuery {
  const text = p.text?.trim() ?? '';
  const { text: _text, offset, max, orderBy, direction, ...filters } = p;
  return {
    account,
    ...filters,
    ...(text !== '' && { text }),
    orderBy: orderBy ?? (text === '' ? 'created' : 'relevance'),
    direction: direction ?? 'desc',
    offset: offset ?? 0,
    max: max ?? 20,
  };
}

/** Search and cache-management methods (issue 7); every one acts for the signed-in account. */
export function registerSearchMethods(router: RpcRouter, deps: SearchMethodsDeps): void {
  const done = {} as Record<string, never>;
  const stores = perDatabase(deps.database, (db) => {
    const maintenance = createMaintenanceStore({
      db,
      timeFieldsOf: (name) => deps.registry.get(name)?.timeFields,
    });
    const manager = createCacheManager({
      nodes: createNodeStore({ db }),
      items: createItemStore({ db }),
      maintenance,
      registry: deps.registry,
      cache: {
        follow: async (account, at) => (await deps.cache()).follow(account, at),
        resync: async (account, at) => (await deps.cache()).resync(account, at),
      },
      emitItems: (data) => deps.broadcast({ kind: 'event', event: 'items', data }),
      atomically: (work) => inOneTransaction(db, work),
      now: Date.now,
    });
    return { maintenance, manager };
  });
  const manager = async () => (await stores()).manager;

  router.handle('search.query', searchParams, async (p) => {
    const started = performance.now();
    const query = toQuery(deps.account(), p);
    const { maintenance } = await stores();
    const page = await maintenance.search(query);
    const terms = parseSearchText(query.text ?? '').required;
    const indexing = query.text !== undefined && (await maintenance.hasQueuedWords(query.account));
    return {
      ...(indexing && { indexing: true as const }),
      hits: page.items.map((item) => buildSearchHit(item, terms)),
      total: page.total,
      totalExact: page.totalExact,
      offset: page.offset,
      hasMore: page.hasMore,
      plan: page.plan,
      tookMs: Math.round((performance.now() - started) * 10) / 10,
    };
  });
  router.handle('search.count', searchParams, async (p) => ({
    total: await (await stores()).maintenance.count(toQuery(deps.account(), p)),
  }));

  router.handle('cache.stats', empty, async () => (await manager()).stats(deps.account()));
  router.handle('cache.purgeOlderThan', purgeParams, async ({ before, ...scope }) => ({
    removed: await (await manager()).purgeOlderThan(deps.account(), scope, before),
  }));
  router.handle('cache.clearAll', empty, async () => ({
    nodes: await (await manager()).clearAll(deps.account()),
  }));
  router.handle('cache.reset', obj(address), async (p) => ({
    node: await (await manager()).reset(deps.account(), p),
  }));
  router.handle('cache.setRetention', retentionParams, async ({ retention, ...at }) => ({
    evicted: await (await manager()).setRetention(deps.account(), at, retention ?? undefined),
  }));
  router.handle('cache.pin', pinParams, async ({ ids, pinned, ...at }) => {
    await (await manager()).pin(deps.account(), at, ids, pinned);
    return done;
  });
  router.handle('cache.exportNode', obj(address), async (p) =>
    (await manager()).exportNode(deps.account(), p),
  );
  router.handle('cache.exportAll', empty, async () => (await manager()).exportAll(deps.account()));
  router.handle('cache.importAll', importParams, async ({ json, ...options }) =>
    (await manager()).importAll(deps.account(), json, options),
  );
}
