import type { SkippedItem, SkippedItems } from '../shared/records';
import type { CacheDeps, NodeKey } from './CacheDeps';
import { patchAndEmit } from './patchAndEmit';

/** How many skipped items a node lists (the count goes on): a hostile node cannot grow its
 * record without bound. */
export const MAX_SKIPPED_LISTED = 20;

const same = (a: SkippedItem, b: SkippedItem): boolean =>
  a.itemId !== undefined && a.itemId === b.itemId && a.reason === b.reason;

/** Adds `skipped` to the node's record, so the pages can say "2 items skipped: …". The same
 * item skipped again for the same reason (a retried sync, a replayed event) counts once. */
export async function recordSkipped(
  deps: Pick<CacheDeps, 'nodes' | 'emitNode'>,
  key: NodeKey,
  skipped: readonly SkippedItem[],
): Promise<void> {
  if (skipped.length === 0) return;
  const record = await deps.nodes.get(key);
  if (!record) return;
  const current: SkippedItems = record.skipped ?? { count: 0, latest: [] };
  const latest = [...current.latest];
  let count = current.count;
  for (const item of skipped) {
    const at = latest.findIndex((known) => same(known, item));
    if (at >= 0) latest.splice(at, 1);
    else count++;
    latest.push(item);
  }
  await patchAndEmit(deps, key, {
    skipped: { count, latest: latest.slice(-MAX_SKIPPED_LISTED) },
  });
}
