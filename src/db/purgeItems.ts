/**
 * "Purge items older than a date" (issue 7): unpinned items created before `before`, of one
 * node, of every node of a type, or of the whole account, deleted in one transaction. Reads
 * keys only (the time indexes), so a purge of 100,000 items never loads them.
 */
import type { PurgeScope } from '../shared/cacheManagement';
import { SatchelError } from '../shared/SatchelError';
import { pinnedByNode, pinnedIds } from './applyRetention';
import { MIN_KEY_PART, prefixRange } from './keyRange';
import type { NodeAddress, SatchelDb } from './SatchelDb';

export interface PurgeResult extends NodeAddress {
  itemIds: string[];
}

async function purgeNodeBefore(db: SatchelDb, at: NodeAddress, before: number): Promise<string[]> {
  const keys = await db.items
    .where('[account+service+node+created]')
    .between(
      [at.account, at.service, at.node, MIN_KEY_PART],
      [at.account, at.service, at.node, before],
      true,
      false,
    )
    .primaryKeys();
  if (keys.length === 0) return [];
  const pinned = await pinnedIds(db, at);
  const doomed = keys.filter((key) => !pinned.has(key[3]));
  await db.items.bulkDelete(doomed);
  return doomed.map((key) => key[3]);
}

async function purgeAccountBefore(
  db: SatchelDb,
  account: string,
  before: number,
): Promise<PurgeResult[]> {
  const keys = await db.items
    .where('[account+created]')
    .between([account, MIN_KEY_PART], [account, before], true, false)
    .primaryKeys();
  const numbers = await db.searchNodes
    .where('[account+service+node]')
    .between(...prefixRange([account], 2), true, true)
    .toArray();
  const pinned = await pinnedByNode(db, account);
  const keep = new Set(
    numbers.flatMap(({ service, node, num }) =>
      (pinned.get(num) ?? []).map((id) => JSON.stringify([account, service, node, id])),
    ),
  );
  const doomed = keys.filter((key) => !keep.has(JSON.stringify(key)));
  await db.items.bulkDelete(doomed);
  const byNode = new Map<string, PurgeResult>();
  for (const [, service, node, itemId] of doomed) {
    const id = `${service}\u0000${node}`;
    const entry = byNode.get(id) ?? { account, service, node, itemIds: [] };
    entry.itemIds.push(itemId);
    byNode.set(id, entry);
  }
  return [...byNode.values()];
}

export async function purgeItems(
  db: SatchelDb,
  account: string,
  scope: PurgeScope,
  before: number,
): Promise<PurgeResult[]> {
  if (!Number.isFinite(before)) throw new SatchelError('bad-request', 'before must be a time');
  return db.transaction('rw', [db.items, db.nodes, db.searchNodes, db.searchDocs], async () => {
    if (scope.scope === 'all') return purgeAccountBefore(db, account, before);
    let nodes: NodeAddress[];
    if (scope.scope === 'node') {
      nodes = [{ account, service: scope.service, node: scope.node }];
    } else {
      const [lower, upper] = prefixRange([account], 2);
      const rows = await db.nodes
        .where('[account+service+node]')
        .between(lower, upper, true, true)
        .toArray();
      nodes = rows
        .filter((n) => n.type === scope.type)
        .map(({ service, node }) => ({ account, service, node }));
    }
    const results: PurgeResult[] = [];
    for (const at of nodes) {
      const itemIds = await purgeNodeBefore(db, at, before);
      if (itemIds.length > 0) results.push({ ...at, itemIds });
    }
    return results;
  });
}

/** Every node and item of an account ("clear everything"); returns the nodes it had. */
export async function clearAccount(db: SatchelDb, account: string): Promise<NodeAddress[]> {
  return db.transaction('rw', db.items, db.nodes, db.nodeListings, async () => {
    const [lower, upper] = prefixRange([account], 2);
    await db.nodeListings
      .where('[account+service+node]')
      .between(lower, upper, true, true)
      .delete();
    const nodes = db.nodes.where('[account+service+node]').between(lower, upper, true, true);
    const cleared = (await nodes.primaryKeys()).map(([, service, node]) => ({
      account,
      service,
      node,
    }));
    await nodes.delete();
    const [itemsLower, itemsUpper] = prefixRange([account], 3);
    await db.items
      .where('[account+service+node+itemId]')
      .between(itemsLower, itemsUpper, true, true)
      .delete();
    return cleared;
  });
}
