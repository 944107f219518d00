/**
 * Managing the cache (issue 7): figures per node, purges, clearing, reset, retention, pins,
 * and the Atom and whole-cache exports and import. Every change to cached items is announced
 * with an `items` event, so open views follow. Collaborators are passed by name.
 */
import type { AnalyserRegistry } from '../analysers/analyserRegistry';
import type { MaintenanceStore } from '../db/createMaintenanceStore';
import type { ItemStore } from '../db/itemStore';
import type { NodeStore } from '../db/nodeStore';
import type { CacheStats, ConflictChoice, NodeStats, PurgeScope } from '../shared/cacheManagement';
import { isErrorCode } from '../shared/errorCodes';
import type { ItemsChangedEvent, NodeAddress, NodeView } from '../shared/protocol';
import type { NodeRecord, RetentionPolicy } from '../shared/records';
import { SatchelError } from '../shared/SatchelError';
import { buildAtomFeed } from './buildAtomFeed';
import type { PubsubCache } from './createPubsubCache';
import { exportCache } from './exportCache';
import { importCache } from './importCache';

export interface CacheManagerDeps {
  nodes: NodeStore;
  items: ItemStore;
  maintenance: MaintenanceStore;
  registry: Pick<AnalyserRegistry, 'get'>;
  cache: Pick<PubsubCache, 'follow' | 'resync'>;
  emitItems: (event: ItemsChangedEvent) => void;
  /** One transaction over the whole database (db/inOneTransaction.ts): imports are atomic. */
  atomically: <T>(work: () => Promise<T>) => Promise<T>;
  now: () => number;
}

/** Nodes exported as Atom are read this many items at a time. */
const EXPORT_PAGE = 500;

function toStats(
  record: NodeRecord,
  figures: Awaited<ReturnType<MaintenanceStore['nodeStats']>>,
): NodeStats {
  const stats: NodeStats = {
    service: record.service,
    node: record.node,
    followed: record.followed,
    syncState: record.syncState,
    syncStateAt: record.syncStateAt,
    ...figures,
  };
  if (record.type !== undefined) stats.type = record.type;
  if (record.subtype !== undefined) stats.subtype = record.subtype;
  if (record.config?.title !== undefined) stats.title = record.config.title;
  if (record.lastSyncAt !== undefined) stats.lastSyncAt = record.lastSyncAt;
  if (record.retention !== undefined) stats.retention = record.retention;
  if (record.skipped) stats.skippedCount = record.skipped.count;
  const e = record.syncError;
  if (e)
    stats.error = {
      code: isErrorCode(e.code) ? e.code : 'remote-error',
      message: e.message,
      at: e.at,
    };
  return stats;
}

export function createCacheManager(deps: CacheManagerDeps) {
  const retracted = (account: string, at: NodeAddress, ids: string[]) => {
    if (ids.length > 0) deps.emitItems({ account, ...at, upserted: [], retracted: ids });
  };

  return {
    async stats(account: string): Promise<CacheStats> {
      const records = await deps.nodes.listByAccount(account);
      const nodes: NodeStats[] = [];
      for (const record of records)
        nodes.push(toStats(record, await deps.maintenance.nodeStats(record)));
      return {
        nodes,
        itemCount: nodes.reduce((sum, n) => sum + n.itemCount, 0),
        bytes: nodes.reduce((sum, n) => sum + n.bytes, 0),
      };
    },

    async purgeOlderThan(account: string, scope: PurgeScope, before: number): Promise<number> {
      const purged = await deps.maintenance.purgeOlderThan(account, scope, before);
      for (const { account: _a, itemIds, ...at } of purged) retracted(account, at, itemIds);
      return purged.reduce((sum, p) => sum + p.itemIds.length, 0);
    },

    /** Every cached node and item of the account; subscriptions on the server stay. */
    async clearAll(account: string): Promise<number> {
      const cleared = await deps.maintenance.clearAccount(account);
      for (const { service, node } of cleared)
        deps.emitItems({ account, service, node, upserted: [], retracted: [], deleted: true });
      return cleared.length;
    },

    /** Forgets the node (analysis, state, items) and starts again: follows it again if it was
     * followed, else syncs it from scratch. */
    async reset(account: string, at: NodeAddress): Promise<NodeView> {
      const key = { account, ...at };
      const record = await deps.nodes.get(key);
      await deps.nodes.delete(key);
      deps.emitItems({ ...key, upserted: [], retracted: [], deleted: true });
      return record?.followed ? deps.cache.follow(account, at) : deps.cache.resync(account, at);
    },

    async setRetention(
      account: string,
      at: NodeAddress,
      policy: RetentionPolicy | undefined,
    ): Promise<number> {
      const evicted = await deps.maintenance.setRetention({ account, ...at }, policy);
      if (evicted === undefined)
        throw new SatchelError('item-not-found', `${at.node} is not cached`);
      retracted(account, at, evicted);
      return evicted.length;
    },

    pin: (account: string, at: NodeAddress, ids: readonly string[], pinned: boolean) =>
      deps.maintenance.setPinned({ account, ...at }, ids, pinned),

    async exportNode(account: string, at: NodeAddress): Promise<{ atom: string; items: number }> {
      const record = await deps.nodes.get({ account, ...at });
      if (!record) throw new SatchelError('item-not-found', `${at.node} is not cached`);
      const items = [];
      for (let after: string | undefined; ;) {
        const page = await deps.maintenance.readNodeItems({ account, ...at }, after, EXPORT_PAGE);
        items.push(...page);
        after = page[page.length - 1]?.itemId;
        if (page.length < EXPORT_PAGE) break;
      }
      items.sort((a, b) => b.created - a.created);
      const atom = buildAtomFeed({
        ...at,
        items,
        now: deps.now(),
        ...(record.config?.title !== undefined && { title: record.config.title }),
      });
      return { atom, items: items.length };
    },

    exportAll: (account: string) => exportCache(deps, account),

    importAll: (
      account: string,
      json: string,
      options: { onConflict?: ConflictChoice; dryRun?: boolean },
    ) => importCache(deps, account, json, options),
  };
}

export type CacheManager = ReturnType<typeof createCacheManager>;
