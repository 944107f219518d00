import type { Element } from '@xmpp/xml';
import type { AnalyserDefinition } from '../analysers/analyserTypes';
import type { NewItem, SkippedItem } from '../shared/records';
import type { CacheDeps, NodeKey } from './CacheDeps';
import { itemSkipReason, MAX_ITEM_ID_LENGTH } from './itemSkipReason';
import { recordSkipped } from './recordSkipped';
import { toNewItem } from './toNewItem';

/** Splits a batch into the items to store and those to skip (with why): unstorable items, and
 * a second item with an id already in the batch (XEP-0060 §6.5: ids are unique in a node; the
 * first is kept, as a service lists the newest first). */
function triage(items: readonly Element[], at: number) {
  const keep: Element[] = [];
  const skipped: SkippedItem[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const id = item.attrs.id;
    const reason =
      itemSkipReason(item) ??
      (id !== undefined && seen.has(id) ? 'the same id twice in one answer' : undefined);
    if (reason !== undefined) {
      const known = id !== undefined && id !== '' && id.length <= MAX_ITEM_ID_LENGTH;
      skipped.push(known ? { itemId: id, reason, at } : { reason, at });
    } else if (id !== undefined) {
      seen.add(id);
      keep.push(item);
    }
  }
  return { keep, skipped };
}

/** Parses and stores a batch of <item/> elements of one node in one transaction; returns the ids
 * that were new or changed. Items that cannot be stored are skipped and their reason recorded
 * on the node (issue 15). A sync's batches pass `queueWords`: their words are indexed after
 * the sync (src/cache/createWordIndexer.ts). */
export async function storeItems(
  deps: Pick<CacheDeps, 'items' | 'emitItems' | 'nodes' | 'emitNode' | 'now'>,
  key: NodeKey,
  analyser: AnalyserDefinition | undefined,
  items: readonly Element[],
  options: { queueWords?: boolean } = {},
): Promise<string[]> {
  const { keep, skipped } = triage(items, deps.now());
  await recordSkipped(deps, key, skipped);
  const receivedAt = deps.now();
  const rows = keep
    .map((item) => toNewItem(item, { service: key.service, node: key.node, analyser, receivedAt }))
    .filter((row): row is NewItem => row !== undefined);
  if (rows.length === 0) return [];
  const {
    added,
    changed,
    evicted = [],
  } = await deps.items.upsertItems(key.account, key.service, key.node, rows, options);
  // Only real changes are announced: a replayed or re-fetched item that is identical is not news.
  // Items the node's retention policy evicted leave open feeds like retracted ones.
  const ids = [...added, ...changed];
  if (ids.length > 0 || evicted.length > 0)
    deps.emitItems({ ...key, upserted: ids, retracted: evicted });
  return ids;
}
