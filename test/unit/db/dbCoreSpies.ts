/**
 * Dexie DBCore middlewares that observe or sabotage what reaches IndexedDB. Dexie builds its
 * middleware stack when it opens, so `instrument` closes the database, adds one, and reopens.
 */
import type { DBCore, DBCoreTable, Middleware } from 'dexie';
import type { SatchelDb } from '../../../src/db/SatchelDb';

export async function instrument(db: SatchelDb, middleware: Middleware<DBCore>): Promise<void> {
  db.close();
  db.use(middleware);
  await db.open();
}

function wrapTable(name: string, wrap: (table: DBCoreTable) => DBCoreTable): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name,
    create: (down) => ({ ...down, table: (tableName) => wrap(down.table(tableName)) }),
  };
}

/** Counts the item rows (values) read from IndexedDB, and keys read without their rows. */
export function countItemReads() {
  const counts = { rows: 0, keys: 0, valueCursors: 0 };
  const middleware = wrapTable('countItemReads', (table) => {
    if (table.name !== 'items') return table;
    return {
      ...table,
      get: (req) =>
        table.get(req).then((row: unknown) => {
          if (row !== undefined) counts.rows += 1;
          return row;
        }),
      getMany: (req) =>
        table.getMany(req).then((rows: unknown[]) => {
          counts.rows += rows.filter((row) => row !== undefined).length;
          return rows;
        }),
      query: (req) =>
        table.query(req).then((response) => {
          if (req.values) counts.rows += response.result.length;
          else counts.keys += response.result.length;
          return response;
        }),
      // A cursor over values may read any number of rows: counted as a failure on its own.
      openCursor: (req) => {
        if (req.values) counts.valueCursors += 1;
        return table.openCursor(req);
      },
    };
  });
  return { counts, middleware };
}

/** The parts of fake-indexeddb's FDBTransaction that a commit-time failure needs. */
interface FakeTransaction {
  _state: string;
  _requests: Array<{ request: { readyState: string } }>;
  _start(): void;
  _abort(errorName: string): void;
}

/** Replaces the commit of a fake-indexeddb transaction by an abort with QuotaExceededError. */
function failAtCommit(tx: FakeTransaction, onFail: () => void = () => undefined): void {
  const start = tx._start.bind(tx);
  tx._start = () => {
    const pending = tx._requests.some(({ request }) => request.readyState !== 'done');
    if (!pending && tx._state !== 'finished') {
      onFail();
      tx._abort('QuotaExceededError');
      return;
    }
    start();
  };
}

/**
 * Makes the transaction of the next write to `items` fail the way a full disk does in a
 * browser: every request succeeds, then the commit fails and the transaction aborts with a
 * QuotaExceededError as its error. fake-indexeddb commits in `_start` once no request is
 * pending; this replaces that step, for that one transaction, by its own `_abort(name)`.
 */
export function quotaOnNextItemWrite() {
  const state = { armed: false, fired: 0 };
  const middleware = wrapTable('quotaOnNextItemWrite', (table) => {
    if (table.name !== 'items') return table;
    return {
      ...table,
      mutate: (req) => {
        if (state.armed) {
          state.armed = false;
          failAtCommit(req.trans as unknown as FakeTransaction, () => (state.fired += 1));
        }
        return table.mutate(req);
      },
    };
  });
  return { state, middleware };
}

/**
 * A full disk, while `state.full`: every write transaction, whatever its tables, fails at
 * commit as a browser's does (QuotaExceededError; see quotaOnNextItemWrite). Reads still work.
 */
export function fullDisk() {
  const state = { full: false, refused: 0 };
  const sabotaged = new WeakSet<object>();
  const middleware = wrapTable('fullDisk', (table) => ({
    ...table,
    mutate: (req) => {
      if (state.full && !sabotaged.has(req.trans)) {
        sabotaged.add(req.trans);
        state.refused += 1;
        failAtCommit(req.trans as unknown as FakeTransaction);
      }
      return table.mutate(req);
    },
  }));
  return { state, middleware };
}
