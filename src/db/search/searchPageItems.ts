/**
 * The items of a result page: doc keys become item keys through the node numbers, and the item
 * rows are read in one request; relevance scores come from the docs when they were read.
 */
import type { ItemRecord } from '../../shared/records';
import type { SearchQuery } from '../../shared/searchQuery';
import { toItemRecord } from '../itemRows';
import type { CompiledSearch } from './searchPredicates';
import type { SearchScope } from './searchScope';
import type { DocKey, ItemKey, SatchelDb, SearchDoc } from '../SatchelDb';

export const docKeyString = (k: DocKey): string => `${k[0]}\u0000${k[1]}`;

export async function pageItems(
  db: SatchelDb,
  q: SearchQuery,
  compiled: CompiledSearch,
  scope: SearchScope,
  keys: readonly DocKey[],
  docs: ReadonlyMap<string, SearchDoc>,
): Promise<Array<ItemRecord & { score?: number }>> {
  const itemKeys = keys.flatMap((key): ItemKey[] => {
    const node = scope.byNum.get(key[0]);
    return node ? [[q.account, node.service, node.node, key[1]]] : [];
  });
  if (itemKeys.length === 0) return [];
  const rows = await db.items.bulkGet(itemKeys);
  const scored = q.orderBy === 'relevance' && compiled.required.length > 0;
  return rows.flatMap((row, i) => {
    // A doc without its item would be a bug elsewhere: the page leaves it out.
    if (!row) return [];
    const record = toItemRecord(row);
    const key = keys[i];
    const doc = key && docs.get(docKeyString(key));
    return [scored && doc ? { ...record, score: compiled.score(doc) } : record];
  });
}
