/**
 * The outbox (schema v9): the reader's writes, kept until the server answered them. Writes are
 * listed in the order they were made (the auto-incremented `seq`).
 */
import type { OutboxRecord } from '../shared/records';
import { withDbErrors } from './mapDbError';
import type { SatchelDb } from './SatchelDb';

export type StoredOutboxEntry = OutboxRecord & { seq: number };

export function createOutboxStore({ db }: { db: SatchelDb }) {
  return {
    /** Stores a new write and returns it with its place in the order. */
    add: (entry: Omit<OutboxRecord, 'seq'>) =>
      withDbErrors(async (): Promise<StoredOutboxEntry> => {
        const seq = await db.outbox.add(entry);
        return { ...entry, seq };
      }),
    get: (seq: number) =>
      withDbErrors(() => db.outbox.get(seq) as Promise<StoredOutboxEntry | undefined>),
    /** One account's writes, oldest first. */
    list: (account: string) =>
      withDbErrors(
        () => db.outbox.where('account').equals(account).toArray() as Promise<StoredOutboxEntry[]>,
      ),
    put: (entry: StoredOutboxEntry) => withDbErrors(() => db.outbox.put(entry)),
    /** Applies `change` to the stored row in one transaction; undefined when it is gone. */
    update: (seq: number, change: (entry: StoredOutboxEntry) => StoredOutboxEntry | undefined) =>
      withDbErrors(() =>
        db.transaction('rw', db.outbox, async () => {
          const entry = (await db.outbox.get(seq)) as StoredOutboxEntry | undefined;
          const next = entry && change(entry);
          if (next) await db.outbox.put(next);
          return next;
        }),
      ),
    /** Deletes the write once sent, unless it was edited meanwhile (a newer revision must go). */
    deleteSent: (seq: number, revision: number) =>
      withDbErrors(() =>
        db.transaction('rw', db.outbox, async () => {
          const entry = await db.outbox.get(seq);
          if (!entry || entry.revision !== revision) return false;
          await db.outbox.delete(seq);
          return true;
        }),
      ),
    delete: (seq: number) => withDbErrors(() => db.outbox.delete(seq)),
  };
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;
