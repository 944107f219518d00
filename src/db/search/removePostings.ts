/**
 * Taking docs out of the postings (schema v10): the entries of replaced or deleted docs leave
 * the rows of their batch, and a node's whole range drops its rows without reading a doc.
 * Called by the postings middleware (postingsSync.ts), in the writer's transaction.
 */
import type { DBCoreKeyRange, DBCoreTable, DBCoreTransaction } from 'dexie';
import { ANY, RANGE } from '../dbCoreHelpers';
import { maxKeyPart, MIN_KEY_PART } from '../keyRange';
import type { PostingKey, PostingRow, SearchDoc } from '../SatchelDb';
import { rowId, rowKeysOfDoc, withoutItems } from './postingRows';

/** What the postings middleware works on: the docs, the postings, the writer's transaction. */
export interface Tables {
  docs: DBCoreTable;
  postings: DBCoreTable;
  trans: DBCoreTransaction;
}

/** Removes the entries of `docs` (as stored before this write) from their rows. */
export async function removeEntries({ postings, trans }: Tables, docs: readonly SearchDoc[]) {
  const leaving = new Map<string, { key: PostingKey; items: Set<string> }>();
  for (const doc of docs) {
    for (const key of rowKeysOfDoc(doc)) {
      const id = rowId(key);
      const row = leaving.get(id) ?? { key, items: new Set<string>() };
      row.items.add(doc.item);
      leaving.set(id, row);
    }
  }
  if (leaving.size === 0) return;
  const targets = [...leaving.values()];
  const rows = (await postings.getMany({ trans, keys: targets.map((t) => t.key) })) as Array<
    PostingRow | undefined
  >;
  const gone: PostingKey[] = [];
  const kept: PostingRow[] = [];
  rows.forEach((row, i) => {
    const target = targets[i];
    if (!row || !target) return;
    const rest = withoutItems(row, target.items);
    if (rest) kept.push(rest);
    else gone.push(target.key);
  });
  if (gone.length > 0) await postings.mutate({ type: 'delete', trans, keys: gone });
  if (kept.length > 0) await postings.mutate({ type: 'put', trans, values: kept });
}

/** Docs deleted by a range: a node's whole range drops its rows without reading a doc. */
export async function deleteDocRange(t: Tables, range: DBCoreKeyRange) {
  const { postings, trans } = t;
  if (range.type === ANY) {
    await postings.mutate({ type: 'deleteRange', trans, range });
    return;
  }
  const lower = range.lower as unknown[] | undefined;
  const upper = range.upper as unknown[] | undefined;
  const node = lower?.[0];
  const wholeNode =
    range.type === RANGE &&
    typeof node === 'number' &&
    upper?.[0] === node &&
    lower?.[1] === MIN_KEY_PART &&
    Array.isArray(upper[1]) &&
    range.lowerOpen !== true &&
    range.upperOpen !== true;
  if (wholeNode) {
    await postings.mutate({
      type: 'deleteRange',
      trans,
      range: {
        type: RANGE,
        lower: [node, MIN_KEY_PART, MIN_KEY_PART],
        upper: [node, maxKeyPart(), maxKeyPart()],
      },
    });
    return;
  }
  const docs = await t.docs.query({
    trans,
    values: true,
    query: { index: t.docs.schema.primaryKey, range },
  });
  await removeEntries(t, docs.result as SearchDoc[]);
}
