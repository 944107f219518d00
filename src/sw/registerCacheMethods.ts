import type { CacheManager } from '../cache/createCacheManager';
import type { PubsubCache } from '../cache/createPubsubCache';
import type { RpcRouter } from '../rpc/server/createRpcRouter';
import { arrayOf, bool, empty, obj, optional, str } from '../rpc/server/validators';
import { address } from './validators/cacheValidators';
import {
  importParams,
  pinParams,
  purgeParams,
  retentionParams,
} from './validators/searchValidators';

export interface CacheMethodsDeps {
  /** The cache gate and sync of the current database (built in startEngine.ts). */
  cache: () => Promise<PubsubCache>;
  /** Cache management: stats, purges, pins, retention, export and import (issue 7). */
  manager: () => Promise<CacheManager>;
  account: () => string;
}

/** Every `cache.*` method: following and reading the cache, and managing it. Each acts for the
 * signed-in account. */
export function registerCacheMethods(router: RpcRouter, deps: CacheMethodsDeps): void {
  const done = {} as Record<string, never>;
  const cache = deps.cache;
  const manager = deps.manager;

  router.handle('cache.listNodes', obj({ followedOnly: optional(bool) }), async (p) => ({
    nodes: await (await cache()).listNodes(deps.account(), p.followedOnly ?? true),
  }));
  router.handle('cache.getNode', obj(address), async (p) => ({
    node: await (await cache()).getNode(deps.account(), p),
  }));
  router.handle('cache.follow', obj(address), async (p) => ({
    node: await (await cache()).follow(deps.account(), p),
  }));
  router.handle('cache.unfollow', obj(address), async (p) => {
    await (await cache()).unfollow(deps.account(), p);
    return done;
  });
  router.handle('cache.resync', obj(address), async (p) => ({
    node: await (await cache()).resync(deps.account(), p),
  }));
  router.handle(
    'cache.markRead',
    obj({ ...address, ids: arrayOf(str(1024), 5000), read: bool }),
    async (p) => {
      await (await cache()).markRead(deps.account(), p, p.ids, p.read);
      return done;
    },
  );

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
