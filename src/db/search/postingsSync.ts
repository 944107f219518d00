/**
 * Keeps the word index (`postings`, schema v10) in step with `searchDocs`, whatever writes or
 * deletes docs (upsertItems, the word indexer, retractions, purges, unfollow, clear): a DBCore
 * middleware, as IndexedDB keeps an index, in the same transaction. Docs written with words get
 * a new batch per node, whose rows hold their entries (postingRows.ts); a doc replaced or deleted
 * leaves the rows of its old batch. Read-write transactions over `searchDocs` are widened to
 * `postings`.
 */
import {
  Dexie,
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type Middleware,
} from 'dexie';
import type { DocKey, SearchDoc } from '../SatchelDb';
import { currentDocs, docKeyOf, forgetDocs, isReadWrite, rememberDocs } from './docsSeen';
import { COUNTER_KEY, rowsOfDocs } from './postingRows';
import { docKeyString } from './searchPageItems';
import { deleteDocRange, removeEntries, type Tables } from './removePostings';

/** Hands out `count` batch numbers from the counter row (one read and one write). */
async function nextBatches({ postings, trans }: Tables, count: number): Promise<number> {
  const counter = (await postings.get({ trans, key: COUNTER_KEY })) as
    { next?: number } | undefined;
  const first = typeof counter?.next === 'number' ? counter.next : 1;
  const [node, group, batch] = COUNTER_KEY;
  await postings.mutate({
    type: 'put',
    trans,
    values: [{ node, group, batch, next: first + count }],
  });
  return first;
}

const keyOfDoc = (doc: SearchDoc): string => docKeyString(docKeyOf(doc));

const sameTerms = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((term, i) => term === b[i]);

/** A put or add of docs: a doc whose words changed leaves its old rows, and its new words get
 * a new batch per node; a doc rewritten with the same words (a pin, a queue flag) keeps its own. */
async function writeDocs(
  t: Tables,
  req: Extract<DBCoreMutateRequest, { type: 'put' | 'add' }>,
): Promise<DBCoreMutateResponse> {
  const values = req.values as SearchDoc[];
  const keys = values.map(docKeyOf);
  const old = await currentDocs(t.docs, t.trans, keys);
  const kept = values.map((doc, i) => {
    const before = old[i];
    return before?.batch !== undefined && sameTerms(before.terms, doc.terms)
      ? before.batch
      : undefined;
  });
  const fresh = values.filter((doc, i) => kept[i] === undefined && doc.terms.length > 0);
  const nodes = [...new Set(fresh.map((doc) => doc.node))];
  const base = nodes.length > 0 ? await nextBatches(t, nodes.length) : 0;
  const batchOf = new Map(nodes.map((node, i) => [node, base + i]));
  const written = values.map((doc, i): SearchDoc => {
    const { batch: _previous, ...rest } = doc;
    const batch = kept[i] ?? (doc.terms.length > 0 ? batchOf.get(doc.node) : undefined);
    return batch === undefined ? rest : { ...rest, batch };
  });
  const res = await t.docs.mutate({ ...req, values: written });
  rememberDocs(
    t.trans,
    written.filter((_, i) => !(i in res.failures)).map((doc) => [docKeyOf(doc), doc] as const),
  );
  // The last write of a key is the one stored; a failed write leaves the old doc in place.
  const last = new Map<string, number>();
  written.forEach((doc, i) => {
    if (!(i in res.failures)) last.set(keyOfDoc(doc), i);
  });
  const changed = (i: number, doc: SearchDoc) =>
    kept[i] === undefined && last.get(keyOfDoc(doc)) === i;
  const replaced = old.filter((doc, i): doc is SearchDoc => doc !== undefined && changed(i, doc));
  await removeEntries(t, replaced);
  const rows = rowsOfDocs(written.filter((doc, i) => changed(i, doc)));
  if (rows.length > 0) await t.postings.mutate({ type: 'put', trans: t.trans, values: rows });
  return res;
}

function dedupe(docs: readonly SearchDoc[]): SearchDoc[] {
  return [...new Map(docs.map((doc) => [keyOfDoc(doc), doc])).values()];
}

async function mutateDocs(t: Tables, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  // A migration writes the rows of its own version (src/db/versions are frozen): v10's builds
  // the postings itself, and no later live code may change what an upgrade writes.
  if ((req.trans as unknown as IDBTransaction).mode === 'versionchange') return t.docs.mutate(req);
  if (req.type === 'put' || req.type === 'add') return writeDocs(t, req);
  if (req.type === 'delete') {
    const old = await currentDocs(t.docs, t.trans, req.keys as DocKey[]);
    rememberDocs(
      t.trans,
      req.keys.map((key) => [key, undefined] as const),
    );
    await removeEntries(t, dedupe(old.filter((doc): doc is SearchDoc => doc !== undefined)));
  } else {
    await deleteDocRange(t, req.range);
    forgetDocs(t.trans);
  }
  return t.docs.mutate(req);
}

export const postingsSync: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'postingsSync',
  // Below searchDocsSync (level 10), so the docs it deletes for deleted items come through
  // here, and below Dexie's own hooks (2), virtual indexes (1), observability and cache (0),
  // which read the transaction from Dexie's zone when called: after the awaits in here it is
  // gone. Nothing here needs them: no page reads the database, let alone by liveQuery.
  level: -0.5,
  create: (down) => {
    const tables = down.schema.tables.map((t) => t.name);
    if (!tables.includes('postings')) return down; // a database declared before schema v10
    return {
      ...down,
      transaction: (stores, mode, options) =>
        down.transaction(
          mode === 'readwrite' && stores.includes('searchDocs')
            ? [...new Set([...stores, 'postings'])]
            : stores,
          mode,
          options,
        ),
      table: (name) => {
        const docs = down.table(name);
        if (name !== 'searchDocs') return docs;
        const postings = down.table('postings');
        return {
          ...docs,
          // What a writer reads, remembered for its writes (docsSeen.ts); other reads pass
          // untouched (an extra promise step commits a read-only transaction under Dexie).
          getMany: (req) =>
            isReadWrite(req.trans)
              ? docs.getMany(req).then((found: Array<SearchDoc | undefined>) => {
                  rememberDocs(
                    req.trans,
                    req.keys.map((key, i) => [key, found[i]] as const),
                  );
                  return found;
                })
              : docs.getMany(req),
          query: (req) =>
            isReadWrite(req.trans) && req.values
              ? docs.query(req).then((res) => {
                  rememberDocs(
                    req.trans,
                    (res.result as SearchDoc[]).map((doc) => [docKeyOf(doc), doc] as const),
                  );
                  return res;
                })
              : docs.query(req),
          // A Dexie promise, made in the caller's zone: a caller awaiting it (searchDocsSync.ts)
          // continues in its transaction's zone, which a native promise would lose.
          mutate: (req) =>
            Dexie.Promise.resolve(mutateDocs({ docs, postings, trans: req.trans }, req)),
        };
      },
    };
  },
};
