/**
 * Reads a word range of the postings (schema v10) as doc keys in the order v4's `*terms` index
 * listed them: by group (`tag\0word\0<mask>`: word, then field set), then time code (newest
 * first), then item id, and the exact reverse when `reverse`. Rows come by `[group+first]`,
 * a few at a time: once the rows read reach group g and first code c, no unread row holds an
 * entry before (g, c), so every pending entry before it is final. A word on most posts is
 * thus read a few rows at a time, not whole. Reverse order (oldest first, rare) reads the range.
 */
import { maxKeyPart, MIN_KEY_PART } from '../keyRange';
import type { DocKey, PostingRow, SatchelDb } from '../SatchelDb';
import { byString, rowId } from './postingRows';

export interface PostingsRange {
  kind: 'postings';
  /** Inclusive bounds over word entries (src/search/searchTermKeys.ts termRange). */
  lower: string;
  upper: string;
  reverse: boolean;
}

interface Entry {
  group: string;
  code: string;
  node: number;
  item: string;
}

const compareEntries = (a: Entry, b: Entry): number =>
  byString(a.group, b.group) ||
  byString(a.code, b.code) ||
  a.node - b.node ||
  byString(a.item, b.item);

const FIRST_ROWS = 4;
const MAX_ROWS = 256;

function entriesOf(row: PostingRow): Entry[] {
  return row.items.map((item, i) => ({
    group: row.group,
    code: row.codes[i] ?? '',
    node: row.node,
    item,
  }));
}

/** Reads doc keys in order, `next(size)` at a time; an empty answer: the range is done. */
export function createPostingsReader(db: SatchelDb, r: PostingsRange) {
  const index = db.postings.where('[group+first]');
  const pending: Entry[] = [];
  const seen = new Set<string>();
  let from: [string, string | number] | undefined;
  let rows = FIRST_ROWS;
  let done = false;

  /** Reads the next rows; returns the bound before which pending entries are final. */
  async function readRows(): Promise<Entry | undefined> {
    const lower = from ?? [r.lower, MIN_KEY_PART];
    const found = await index
      .between(lower, [r.upper, maxKeyPart()], true, true)
      .limit(rows)
      .toArray();
    done = found.length < rows;
    let fresh = 0;
    for (const row of found) {
      const id = rowId([row.node, row.group, row.batch]);
      if (seen.has(id)) continue;
      seen.add(id);
      fresh += 1;
      pending.push(...entriesOf(row));
    }
    const tail = found[found.length - 1];
    if (tail) from = [tail.group, tail.first];
    // Rows sharing one [group, first] beyond this read: read more at once next time.
    rows = fresh === 0 ? rows * 4 : Math.min(MAX_ROWS, rows * 2);
    pending.sort(compareEntries);
    return done || !tail
      ? undefined
      : { group: tail.group, code: tail.first, node: -Infinity, item: '' };
  }

  async function readAll(): Promise<DocKey[]> {
    while (!done) await readRows();
    const keys = pending.map((e): DocKey => [e.node, e.item]);
    pending.length = 0;
    return keys;
  }

  return {
    /** At least `size` keys in order (fewer only at the end). */
    async next(size: number): Promise<DocKey[]> {
      if (r.reverse) {
        if (done) return [];
        return (await readAll()).reverse();
      }
      const out: DocKey[] = [];
      while (out.length < size) {
        if (done && pending.length === 0) break;
        const bound = done ? undefined : await readRows();
        let final = pending.length;
        if (bound) {
          final = pending.findIndex((e) => compareEntries(e, bound) >= 0);
          if (final === -1) final = pending.length;
        }
        for (const e of pending.splice(0, final)) out.push([e.node, e.item]);
      }
      return out;
    },
  };
}

/** The first `limit` keys of the range in its order (all of them without a limit). */
export async function readPostingKeys(
  db: SatchelDb,
  r: PostingsRange,
  limit = Infinity,
): Promise<DocKey[]> {
  const reader = createPostingsReader(db, r);
  const keys = Number.isFinite(limit) ? await reader.next(limit) : await readAllKeys(reader);
  return keys.slice(0, limit);
}

async function readAllKeys(reader: ReturnType<typeof createPostingsReader>): Promise<DocKey[]> {
  const keys: DocKey[] = [];
  for (;;) {
    const chunk = await reader.next(4_096);
    if (chunk.length === 0) return keys;
    keys.push(...chunk);
  }
}
