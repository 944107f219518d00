import type { OutboxStore, StoredOutboxEntry } from '../../db/outboxStore';
import type { OutboxEntryView } from '../../shared/protocol';
import type { OutboxRecord } from '../../shared/records';
import { SatchelError } from '../../shared/SatchelError';
import { toOutboxView } from './toOutboxView';

/** Failures that say nothing about the write itself: it is sent again, unchanged, later. */
const TRANSIENT = new Set<string>([
  'timeout',
  'connection-lost',
  'not-signed-in',
  'browser-offline',
]);

export type NewWrite = Pick<
  OutboxRecord,
  'op' | 'service' | 'node' | 'itemId' | 'payloadXml' | 'draft' | 'parent'
>;

export interface OutboxDeps {
  store: OutboxStore;
  /** Sends one write (sendOutboxEntry.ts); throws a SatchelError. */
  send: (entry: StoredOutboxEntry) => Promise<void>;
  /** Whether the account has a session to send on now. */
  online: (account: string) => boolean;
  /** The account's outbox changed (the `outbox` event). */
  emit: (account: string, entries: OutboxEntryView[]) => void;
  now: () => number;
  /** A transient failure while online: try again after this delay (a page keeps us alive). */
  retryAfter: (attempts: number) => number;
  setTimer: (run: () => void, ms: number) => void;
  track: (work: Promise<unknown>) => void;
  log: (message: string, detail?: unknown) => void;
}

/**
 * The outbox (issue 17): every write is stored before anything is sent, then sent one at a
 * time in the order it was made, per account, whenever `flush` runs (a session started, a
 * Background Sync event, a new write). A sent write is deleted only once the server answered;
 * a transient failure leaves it queued for the next flush; a refusal stays with the server's
 * reason until the reader edits or discards it, and the writes after it go on.
 */
export function createOutbox(deps: OutboxDeps) {
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  /** The write being sent, per account: a retract after it must not drop it. */
  const inFlight = new Map<string, number>();

  async function emitList(account: string): Promise<StoredOutboxEntry[]> {
    const entries = await deps.store.list(account);
    deps.emit(account, entries.map(toOutboxView));
    return entries;
  }

  async function sendAll(account: string): Promise<void> {
    for (;;) {
      again.delete(account);
      if (!deps.online(account)) return;
      const next = (await deps.store.list(account)).find((e) => e.state === 'queued');
      if (!next) return;
      inFlight.set(account, next.seq);
      let failure: SatchelError | undefined;
      try {
        await deps.send(next);
      } catch (error) {
        failure = SatchelError.from(error);
      } finally {
        inFlight.delete(account);
      }
      if (!failure) {
        // An edit made while it was being sent is a newer revision: it stays, to go next.
        await deps.store.deleteSent(next.seq, next.revision);
      } else if (TRANSIENT.has(failure.code)) {
        await deps.store.update(next.seq, (e) => ({ ...e, attempts: e.attempts + 1 }));
        await emitList(account);
        deps.log(`outbox: ${next.op} of ${next.itemId} will be sent again`, failure);
        if (again.has(account)) continue; // a new session arrived meanwhile
        if (deps.online(account))
          deps.setTimer(() => void flush(account), deps.retryAfter(next.attempts + 1));
        return;
      } else {
        const error = { ...failure.toData(), at: deps.now() };
        await deps.store.update(next.seq, (e) =>
          e.revision === next.revision ? { ...e, state: 'refused', error } : e,
        );
      }
      await emitList(account);
    }
  }

  /** Sends what is queued; settles when the queue is empty or sending must wait. */
  function flush(account: string): Promise<void> {
    const current = running.get(account);
    if (current) {
      again.add(account);
      return current;
    }
    const run = (async () => {
      try {
        do await sendAll(account);
        while (again.has(account));
      } finally {
        running.delete(account);
      }
    })();
    running.set(account, run);
    deps.track(run);
    return run;
  }

  function kick(account: string): void {
    flush(account).catch((e: unknown) => deps.log('outbox: sending failed', e));
  }

  return {
    flush,

    list: async (account: string): Promise<OutboxEntryView[]> =>
      (await deps.store.list(account)).map(toOutboxView),

    /**
     * Stores a write and starts sending. A publish of an item that already waits (queued or
     * refused) edits that write in its place; a retract drops the item's waiting publishes that
     * are not being sent, since the retraction follows them anyway.
     */
    async write(account: string, write: NewWrite): Promise<OutboxEntryView> {
      const now = deps.now();
      const sameItem = (await deps.store.list(account)).filter(
        (e) => e.service === write.service && e.node === write.node && e.itemId === write.itemId,
      );
      const last = sameItem[sameItem.length - 1];
      let stored: StoredOutboxEntry | undefined;
      if (write.op === 'publish' && last?.op === 'publish') {
        stored = await deps.store.update(last.seq, (e) => {
          const { error: _dropped, ...rest } = e;
          return { ...rest, ...write, state: 'queued', revision: e.revision + 1, updatedAt: now };
        });
      } else if (write.op === 'retract') {
        for (const e of sameItem)
          if (e.op === 'publish' && inFlight.get(account) !== e.seq) await deps.store.delete(e.seq);
      }
      stored ??= await deps.store.add({
        ...write,
        account,
        state: 'queued',
        revision: 0,
        attempts: 0,
        createdAt: now,
        updatedAt: now,
      });
      await emitList(account);
      kick(account);
      return toOutboxView(stored);
    },

    async discard(account: string, seq: number): Promise<void> {
      const entry = await deps.store.get(seq);
      if (!entry || entry.account !== account) return;
      await deps.store.delete(seq);
      await emitList(account);
    },

    /** Whether writes still wait to be sent (Background Sync asks to be woken again). */
    async hasQueued(account: string): Promise<boolean> {
      return (await deps.store.list(account)).some((e) => e.state === 'queued');
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
