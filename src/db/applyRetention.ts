/**
 * A node's retention policy (issue 7): at most `maxItems` unpinned items, the newest by
 * `created`, and none created more than `maxAgeDays` ago. Pinned items are never evicted and do
 * not count. Runs inside the caller's read-write transaction, so the write that brought the node
 * over its limit and the eviction commit together.
 */
import type { RetentionPolicy } from '../shared/records';
import { maxKeyPart, MIN_KEY_PART, prefixRange } from './keyRange';
import type { ItemKey, NodeAddress, SatchelDb } from './SatchelDb';

const DAY_MS = 86_400_000;

/** The account's pinned items, by node number, from the search docs' pin index (keys only;
 * schema v8 dropped the items' own). Pins are few: the account's are read at once. */
export async function pinnedByNode(db: SatchelDb, account: string): Promise<Map<number, string[]>> {
  const keys = await db.searchDocs.where('[account+pinned]').equals([account, 1]).primaryKeys();
  const byNode = new Map<number, string[]>();
  for (const [num, item] of keys) byNode.set(num, [...(byNode.get(num) ?? []), item]);
  return byNode;
}

/** The node's pinned item ids. */
export async function pinnedIds(db: SatchelDb, at: NodeAddress): Promise<Set<string>> {
  const node = await db.searchNodes.get([at.account, at.service, at.node]);
  if (!node) return new Set();
  return new Set((await pinnedByNode(db, at.account)).get(node.num));
}

/** Deletes what the policy evicts; returns the evicted item ids. */
export async function applyRetention(
  db: SatchelDb,
  at: NodeAddress,
  policy: RetentionPolicy | undefined,
  now: number,
): Promise<string[]> {
  if (!policy || (policy.maxItems === undefined && policy.maxAgeDays === undefined)) return [];
  const { account, service, node } = at;
  const pinned = await pinnedIds(db, at);
  const byCreated = db.items.where('[account+service+node+created]');
  const evicted = new Map<string, ItemKey>();
  if (policy.maxAgeDays !== undefined) {
    const cutoff = now - policy.maxAgeDays * DAY_MS;
    const old = await byCreated
      .between(
        [account, service, node, MIN_KEY_PART],
        [account, service, node, cutoff],
        true,
        false,
      )
      .primaryKeys();
    for (const key of old) if (!pinned.has(key[3])) evicted.set(key[3], key);
  }
  if (policy.maxItems !== undefined) {
    const [lower, upper] = prefixRange([account, service, node], 1);
    const total = await db.items
      .where('[account+service+node+itemId]')
      .between(lower, upper, true, true)
      .count();
    const excess = total - pinned.size - evicted.size - policy.maxItems;
    if (excess > 0) {
      // The oldest first; pinned and already-evicted ones are skipped, so read that many more.
      const oldest = await byCreated
        .between(
          [account, service, node, MIN_KEY_PART],
          [account, service, node, maxKeyPart()],
          true,
          true,
        )
        .limit(excess + pinned.size + evicted.size)
        .primaryKeys();
      let left = excess;
      for (const key of oldest) {
        if (left === 0) break;
        if (pinned.has(key[3]) || evicted.has(key[3])) continue;
        evicted.set(key[3], key);
        left -= 1;
      }
    }
  }
  if (evicted.size > 0) await db.items.bulkDelete([...evicted.values()]);
  return [...evicted.keys()];
}
