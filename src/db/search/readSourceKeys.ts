/**
 * The doc keys of one range of a source, in its order, up to `limit`: from an index of
 * `searchDocs`, or from the postings for a word (schema v10). Probes, counts and samples read
 * this way; walks read chunk by chunk (readOrdered.ts).
 */
import { readRangeKeys } from '../readRangeKeys';
import type { DocKey, SatchelDb } from '../SatchelDb';
import { readPostingKeys } from './readPostings';
import type { SourceRange } from './searchSources';

export function readSourceKeys(db: SatchelDb, r: SourceRange, limit?: number): Promise<DocKey[]> {
  return r.kind === 'postings'
    ? readPostingKeys(db, r, limit)
    : readRangeKeys(db.searchDocs, r, limit);
}
