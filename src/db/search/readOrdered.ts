/**
 * Reads an index range of `searchDocs` in order, chunk by chunk, primary keys only. IndexedDB's getAllKeys
 * cannot resume where it stopped and a cursor costs a round trip per entry (about 1.5 ms in
 * Chromium here), so each next chunk starts again at the last doc's own index key (from the
 * doc, `IndexRange.keyOf`) and drops what it already delivered. Chunks grow 4x, so a walk that
 * must go far costs a few reads, and one that stops early reads little.
 */
import { readRangeKeys } from '../readRangeKeys';
import { createPostingsReader, type PostingsRange } from './readPostings';
import type { IndexRange, SourceRange } from './searchSources';
import type { DocKey, SatchelDb, SearchDoc } from '../SatchelDb';

export interface ReadOrderedOptions {
  firstChunk: number;
  maxChunk: number;
  /** The doc of a key (the caller usually has it loaded already). */
  rowOf: (key: DocKey) => Promise<SearchDoc | undefined>;
  /** Handles the next keys in order; resolves true to stop reading. A multiEntry index may
   * deliver a key again (a row with several entries in the range): the caller skips repeats. */
  onChunk: (keys: DocKey[]) => Promise<boolean>;
}

const sameKey = (a: DocKey, b: DocKey): boolean => a[0] === b[0] && a[1] === b[1];

type ReadStatus = { stopped: boolean; exhausted: boolean };

/** `exhausted` when the whole range was delivered; `stopped` when the caller asked to stop
 * (both when it asked on the range's last chunk). */
export function readOrdered(
  db: SatchelDb,
  r: SourceRange,
  options: ReadOrderedOptions,
): Promise<ReadStatus> {
  return r.kind === 'postings'
    ? readPostingsOrdered(db, r, options)
    : readIndexOrdered(db, r, options);
}

/** A word's postings, merged in order by their reader (readPostings.ts), in the same chunks. */
async function readPostingsOrdered(
  db: SatchelDb,
  r: PostingsRange,
  options: ReadOrderedOptions,
): Promise<ReadStatus> {
  const reader = createPostingsReader(db, r);
  let size = options.firstChunk;
  for (;;) {
    const keys = await reader.next(size);
    const exhausted = keys.length < size;
    const stopped = keys.length > 0 && (await options.onChunk(keys));
    if (stopped || exhausted) return { stopped, exhausted };
    size = Math.min(size * 4, Math.max(options.maxChunk, size));
  }
}

async function readIndexOrdered(
  db: SatchelDb,
  r: IndexRange,
  options: ReadOrderedOptions,
): Promise<ReadStatus> {
  let lower = r.lower;
  let upper = r.upper;
  let after: DocKey | undefined;
  let size = options.firstChunk;
  for (;;) {
    const keys = await readRangeKeys(db.searchDocs, { ...r, lower, upper }, size);
    let fresh = keys;
    if (after !== undefined) {
      const last = after;
      const at = keys.findIndex((key) => sameKey(key, last));
      // More entries share the last key than this chunk holds: read a bigger one.
      if ((at === -1 || at === keys.length - 1) && keys.length === size) {
        size *= 4;
        continue;
      }
      fresh = at === -1 ? keys : keys.slice(at + 1);
    }
    const stopped = fresh.length > 0 && (await options.onChunk(fresh));
    const last = keys[keys.length - 1];
    const exhausted = keys.length < size || last === undefined;
    if (stopped || exhausted) return { stopped, exhausted };
    const row = await options.rowOf(last);
    const key = row && r.keyOf(row);
    if (key === undefined) throw new Error(`readOrdered: no ${r.index} key for the last item`);
    if (r.reverse) upper = key;
    else lower = key;
    after = last;
    size = Math.min(size * 4, Math.max(options.maxChunk, size));
  }
}
