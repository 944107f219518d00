/**
 * The search docs a read-write transaction has read or written, by key, so that the postings
 * middleware (postingsSync.ts) takes a put's old doc from here instead of reading it again: the
 * word indexer rewrites exactly the docs it has just read. Every write of a doc passes through
 * that middleware, which keeps this up to date; a range deletion forgets the transaction's docs.
 */
import type { DBCoreTable, DBCoreTransaction } from 'dexie';
import type { DocKey, SearchDoc } from '../SatchelDb';
import { docKeyString } from './searchPageItems';

const seen = new WeakMap<DBCoreTransaction, Map<string, SearchDoc | undefined>>();

const idOf = (key: unknown): string => docKeyString(key as DocKey);
export const isReadWrite = (trans: DBCoreTransaction): boolean =>
  (trans as unknown as IDBTransaction).mode === 'readwrite';

/** Remembers docs as they now are in `trans` (undefined: deleted). */
export function rememberDocs(
  trans: DBCoreTransaction,
  entries: ReadonlyArray<readonly [key: unknown, doc: SearchDoc | undefined]>,
): void {
  if (!isReadWrite(trans)) return;
  let docs = seen.get(trans);
  if (!docs) {
    docs = new Map();
    seen.set(trans, docs);
  }
  for (const [key, doc] of entries) docs.set(idOf(key), doc);
}

export function forgetDocs(trans: DBCoreTransaction): void {
  seen.delete(trans);
}

/** The docs of `keys` as they are in `trans`: remembered ones, the others read. */
export async function currentDocs(
  table: DBCoreTable,
  trans: DBCoreTransaction,
  keys: readonly DocKey[],
): Promise<Array<SearchDoc | undefined>> {
  const docs = seen.get(trans);
  const missing = docs ? keys.filter((key) => !docs.has(idOf(key))) : [...keys];
  const read = (missing.length > 0 ? await table.getMany({ trans, keys: missing }) : []) as Array<
    SearchDoc | undefined
  >;
  const found = new Map(missing.map((key, i) => [idOf(key), read[i]]));
  return keys.map((key) => {
    const id = idOf(key);
    return found.has(id) ? found.get(id) : docs?.get(id);
  });
}

/** A doc's key. */
export const docKeyOf = (doc: SearchDoc): DocKey => [doc.node, doc.item];
