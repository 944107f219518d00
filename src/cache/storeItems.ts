import type { Element } from '@xmpp/xml';
import type { AnalyserDefinition } from '../analysers/analyserTypes';
import type { NewItem } from '../shared/records';
import type { CacheDeps, NodeKey } from './CacheDeps';
import { toNewItem } from './toNewItem';

/** Parses and stores a batch of <item/> elements of one node in one transaction; returns the ids
 * that were new or changed. A sync's batches pass `queueWords`: their words are indexed after
 * the sync (src/cache/createWordIndexer.ts). */
export async function storeItems(
  deps: Pick<CacheDeps, 'items' | 'emitItems'>,
  key: NodeKey,
  analyser: AnalyserDefinition | undefined,
  items: readonly Element[],
  options: { queueWords?: boolean } = {},
): Promise<string[]> {
  const rows = items
    .map((item) => toNewItem(item, { service: key.service, node: key.node, analyser }))
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
