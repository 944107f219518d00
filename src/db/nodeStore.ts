/**
 * Nodes an account knows about: analysis, sync state and configuration (XEP-0060 §16.4,
 * XEP-0460 caching hints). `followed` is stored as 0/1 because IndexedDB cannot index booleans.
 */
import type { NodeRecord, SyncState } from '../shared/records';
import { prefixRange } from './keyRange';
import { withDbErrors } from './mapDbError';
import type { NodeAddress, NodeKey, SatchelDb, StoredNode } from './SatchelDb';

export type NodePatch = Partial<Omit<NodeRecord, 'account' | 'service' | 'node'>>;

function toStored(record: NodeRecord): StoredNode {
  return { ...record, followed: record.followed ? 1 : 0 };
}

function fromStored(row: StoredNode): NodeRecord {
  return { ...row, followed: row.followed === 1 };
}

const keyOf = ({ account, service, node }: NodeAddress): NodeKey => [account, service, node];
const addressOf = ({ account, service, node }: NodeAddress): NodeAddress => ({
  account,
  service,
  node,
});

export function createNodeStore({ db }: { db: SatchelDb }) {
  return {
    get: (key: NodeAddress) =>
      withDbErrors(async (): Promise<NodeRecord | undefined> => {
        const row = await db.nodes.get(keyOf(key));
        return row && fromStored(row);
      }),

    put: (record: NodeRecord) => withDbErrors(() => db.nodes.put(toStored(record))),

    /** Changes some fields of a stored node (a field set to undefined is removed); false when
     * the node is not stored. */
    patch: (key: NodeAddress, changes: NodePatch) =>
      withDbErrors(async (): Promise<boolean> => {
        const { followed, ...rest } = changes;
        const stored: Partial<StoredNode> = { ...rest };
        if ('followed' in changes) stored.followed = followed ? 1 : 0;
        return (await db.nodes.update(keyOf(key), stored)) === 1;
      }),

    /** Every node of the account, by primary-key prefix. */
    listByAccount: (account: string) =>
      withDbErrors(async (): Promise<NodeRecord[]> => {
        const [lower, upper] = prefixRange([account], 2);
        const rows = await db.nodes
          .where('[account+service+node]')
          .between(lower, upper, true, true)
          .toArray();
        return rows.map(fromStored);
      }),

    listFollowed: (account: string) =>
      withDbErrors(async (): Promise<NodeRecord[]> => {
        const rows = await db.nodes.where('[account+followed]').equals([account, 1]).toArray();
        return rows.map(fromStored);
      }),

    listBySyncState: (account: string, syncState: SyncState) =>
      withDbErrors(async (): Promise<NodeRecord[]> => {
        const rows = await db.nodes
          .where('[account+syncState]')
          .equals([account, syncState])
          .toArray();
        return rows.map(fromStored);
      }),

    /** The server's listing of the node at its last catch-up or sync (schema v7), newest
     * first, with the ids that catch-up had still to fetch if it was stopped. */
    getListing: (key: NodeAddress) =>
      withDbErrors(async (): Promise<{ ids: string[]; pending?: string[] } | undefined> => {
        const row = await db.nodeListings.get(keyOf(key));
        if (!row) return undefined;
        return row.pending ? { ids: row.ids, pending: row.pending } : { ids: row.ids };
      }),

    putListing: (key: NodeAddress, ids: string[], at: number, pending?: string[]) =>
      withDbErrors(() =>
        db.nodeListings.put({ ...addressOf(key), ids, at, ...(pending && { pending }) }),
      ),

    /** What a catch-up still has to fetch, after each batch it stored. */
    setListingPending: (key: NodeAddress, pending: string[]) =>
      withDbErrors(() => db.nodeListings.update(keyOf(key), { pending })),

    /** Forgets a node and its cached items together: no orphan items survive a failure. */
    delete: (key: NodeAddress) =>
      withDbErrors(() =>
        db.transaction('rw', db.nodes, db.items, db.nodeListings, async () => {
          const [lower, upper] = prefixRange([key.account, key.service, key.node], 1);
          await db.nodes.delete(keyOf(key));
          await db.nodeListings.delete(keyOf(key));
          await db.items
            .where('[account+service+node+itemId]')
            .between(lower, upper, true, true)
            .delete();
        }),
      ),
  };
}

export type NodeStore = ReturnType<typeof createNodeStore>;
