/**
 * Cache management over the database (issue 7): search, counts, sizes, pins, retention,
 * purges and clearing. Every failure is a SatchelError (mapDbError.ts).
 */
import type { PurgeScope } from '../shared/cacheManagement';
import type { ItemRecord, RetentionPolicy } from '../shared/records';
import type { SearchQuery } from '../shared/searchQuery';
import { applyRetention } from './applyRetention';
import { countSearch } from './search';
import { hasQueuedWords } from './search';
import { toItemRecord } from './itemRows';
import { maxKeyPart, MIN_KEY_PART } from './keyRange';
import { withDbErrors } from './mapDbError';
import { nodeStats } from './nodeStats';
import { clearAccount, purgeItems } from './purgeItems';
import type { NodeAddress, SatchelDb } from './SatchelDb';
import type { TimeFieldsOf } from './search';
import { searchItems } from './search';

export interface MaintenanceStoreDeps {
  db: SatchelDb;
  now?: () => number;
  /** The analysers' time fields (impliedTimeBounds.ts): lets searches bound created/updated. */
  timeFieldsOf?: TimeFieldsOf;
}

export function createMaintenanceStore({ db, now = Date.now, timeFieldsOf }: MaintenanceStoreDeps) {
  return {
    search: (query: SearchQuery) => withDbErrors(() => searchItems(db, query, timeFieldsOf)),
    count: (query: SearchQuery) => withDbErrors(() => countSearch(db, query)),
    /** Some of the account's docs wait for the word indexer: word search may miss them. */
    hasQueuedWords: (account: string) => withDbErrors(() => hasQueuedWords(db, account)),
    nodeStats: (at: NodeAddress) => withDbErrors(() => nodeStats(db, at)),

    /** Pins or unpins items of a node, and their search docs; returns how many exist. */
    setPinned: (at: NodeAddress, itemIds: readonly string[], pinned: boolean) =>
      withDbErrors(() =>
        db.transaction('rw', [db.items, db.searchNodes, db.searchDocs], async () => {
          const value = pinned ? 1 : 0;
          const changed = await db.items.bulkUpdate(
            itemIds.map((id) => ({
              key: [at.account, at.service, at.node, id],
              changes: { pinned: value },
            })),
          );
          const node = await db.searchNodes.get([at.account, at.service, at.node]);
          if (node)
            await db.searchDocs.bulkUpdate(
              itemIds.map((id) => ({ key: [node.num, id], changes: { pinned: value } })),
            );
          return changed;
        }),
      ),

    /** Stores the node's policy (undefined removes it) and applies it at once; returns the
     * evicted ids, or undefined when the node is not stored. */
    setRetention: (at: NodeAddress, policy: RetentionPolicy | undefined) =>
      withDbErrors(() =>
        db.transaction(
          'rw',
          [db.items, db.nodes, db.searchNodes, db.searchDocs],
          async (): Promise<string[] | undefined> => {
            const updated = await db.nodes.update([at.account, at.service, at.node], {
              retention: policy,
            });
            if (updated === 0) return undefined;
            return applyRetention(db, at, policy, now());
          },
        ),
      ),

    purgeOlderThan: (account: string, scope: PurgeScope, before: number) =>
      withDbErrors(() => purgeItems(db, account, scope, before)),

    clearAccount: (account: string) => withDbErrors(() => clearAccount(db, account)),

    /** Up to `limit` items of a node in id order, after `afterId` (export, page by page). */
    readNodeItems: (at: NodeAddress, afterId: string | undefined, limit: number) =>
      withDbErrors(async (): Promise<ItemRecord[]> => {
        const { account, service, node } = at;
        const rows = await db.items
          .where('[account+service+node+itemId]')
          .between(
            [account, service, node, afterId ?? MIN_KEY_PART],
            [account, service, node, maxKeyPart()],
            afterId === undefined,
            true,
          )
          .limit(limit)
          .toArray();
        return rows.map(toItemRecord);
      }),
  };
}

export type MaintenanceStore = ReturnType<typeof createMaintenanceStore>;
