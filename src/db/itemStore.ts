/**
 * Cached pubsub items (XEP-0060 §7.1 payloads). Writes of a batch are one transaction; reads of
 * a node go through key or index ranges, never a scan of the table. Every failure is a
 * SatchelError (mapDbError: 'storage-full', 'storage-error').
 */
import type { ItemPage, ItemQuery } from '../shared/itemQuery';
import type { ItemRecord, NewItem } from '../shared/records';
import { toItemRecord } from './itemRows';
import { prefixRange } from './keyRange';
import { withDbErrors } from './mapDbError';
import { queryItems } from './query';
import type { ItemKey, SatchelDb } from './SatchelDb';
import { indexQueuedWords } from './search';
import { upsertItems, type UpsertOptions, type UpsertResult } from './upsertItems';

export type { UpsertResult } from './upsertItems';

export interface ItemStoreDeps {
  db: SatchelDb;
  /** Clock for first-seen times (epoch ms). */
  now?: () => number;
}

export function createItemStore({ db, now = Date.now }: ItemStoreDeps) {
  const keyOf = (account: string, service: string, node: string, itemId: string): ItemKey => [
    account,
    service,
    node,
    itemId,
  ];
  /** Every item of a node, by primary-key prefix. */
  const nodeItems = (account: string, service: string, node: string) => {
    const [lower, upper] = prefixRange([account, service, node], 1);
    return db.items.where('[account+service+node+itemId]').between(lower, upper, true, true);
  };

  return {
    /** Stores a batch of one node atomically and idempotently (see upsertItems.ts). */
    upsertItems: (
      account: string,
      service: string,
      node: string,
      items: readonly NewItem[],
      options?: UpsertOptions,
    ) =>
      withDbErrors((): Promise<UpsertResult> =>
        upsertItems(db, { account, service, node }, items, now(), options),
      ),

    /** Indexes the words of up to `max` queued docs (schema v6); 0 when the queue is empty. */
    indexQueuedWords: (max: number) => withDbErrors(() => indexQueuedWords(db, max)),

    /** XEP-0060 §7.2 retractions; unknown ids are ignored. */
    deleteItems: (account: string, service: string, node: string, itemIds: readonly string[]) =>
      withDbErrors(() =>
        db.items.bulkDelete(itemIds.map((id) => keyOf(account, service, node, id))),
      ),

    /** Drops every cached item of a node (XEP-0060 §8.5 purge, or leaving the cache). */
    purgeNode: (account: string, service: string, node: string) =>
      withDbErrors(() => nodeItems(account, service, node).delete()),

    /** Items and unread items of a node: one row of `nodeCounts` (schema v5), kept exact by
     * nodeCountsSync.ts in every write's transaction. */
    nodeCounts: (account: string, service: string, node: string) =>
      withDbErrors(async (): Promise<{ itemCount: number; unread: number }> => {
        const row = await db.nodeCounts.get([account, service, node]);
        return { itemCount: row?.items ?? 0, unread: row?.unread ?? 0 };
      }),

    countItems: (account: string, service: string, node: string) =>
      withDbErrors(async () => (await db.nodeCounts.get([account, service, node]))?.items ?? 0),

    /** Every stored item id of a node, from the keys alone (sync reconciliation). */
    listItemIds: (account: string, service: string, node: string) =>
      withDbErrors(async (): Promise<string[]> => {
        const keys = await nodeItems(account, service, node).primaryKeys();
        return keys.map((key) => key[3]);
      }),

    getItem: (account: string, service: string, node: string, itemId: string) =>
      withDbErrors(async (): Promise<ItemRecord | undefined> => {
        const row = await db.items.get(keyOf(account, service, node, itemId));
        return row && toItemRecord(row);
      }),

    /** The stored ones among `itemIds`, in that order (missing ids are left out). */
    getItems: (account: string, service: string, node: string, itemIds: readonly string[]) =>
      withDbErrors(async (): Promise<ItemRecord[]> => {
        const rows = await db.items.bulkGet(itemIds.map((id) => keyOf(account, service, node, id)));
        return rows.filter((row) => row !== undefined).map(toItemRecord);
      }),

    /** One page of a node's items; see src/shared/itemQuery.ts. */
    queryItems: (query: ItemQuery) => withDbErrors((): Promise<ItemPage> => queryItems(db, query)),

    /** An account's items by one publisher, across nodes, at most `max`. */
    listByPublisher: (account: string, publisher: string, max: number) =>
      withDbErrors(async (): Promise<ItemRecord[]> => {
        const rows = await db.items
          .where('[account+publisher]')
          .equals([account, publisher])
          .limit(max)
          .toArray();
        return rows.map(toItemRecord);
      }),

    /** Marks items read or unread; returns how many exist. */
    setRead: (
      account: string,
      service: string,
      node: string,
      itemIds: readonly string[],
      read: boolean,
    ) =>
      withDbErrors(() =>
        db.items.bulkUpdate(
          itemIds.map((id) => ({
            key: keyOf(account, service, node, id),
            changes: { read: read ? 1 : 0 },
          })),
        ),
      ),

    /** Marks every unread item of a node read; returns how many changed. */
    markNodeRead: (account: string, service: string, node: string) =>
      withDbErrors(() =>
        db.items
          .where('[account+service+node+read]')
          .equals([account, service, node, 0])
          .modify({ read: 1 }),
      ),

    unreadCount: (account: string, service: string, node: string) =>
      withDbErrors(async () => (await db.nodeCounts.get([account, service, node]))?.unread ?? 0),
  };
}

export type ItemStore = ReturnType<typeof createItemStore>;
