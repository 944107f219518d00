import { performance } from 'node:perf_hooks';
import type { Readable, Writable } from 'node:stream';

/** One direction of a proxied connection: chunks from `source` written to `destination`. */
export interface OrderedForwarder {
  /**
   * Writes `chunk` after `delayMs`, never before a chunk pushed earlier (a shorter delay waits
   * behind a longer one: TCP is a byte stream). `written` runs once the bytes are handed to the
   * kernel.
   */
  push(chunk: Buffer, delayMs: number, written?: () => void): void;
  /** Ends the destination (FIN) once everything pushed before has been written. */
  end(delayMs: number): void;
  /** Forgets what is queued and not yet written: those bytes are lost, as on a dead network. */
  drop(): void;
}

type Entry = { dueAt: number; chunk: Buffer | null; written?: () => void };

/**
 * Creates the writer for one direction. Backpressure: while the destination's buffer is full
 * the source is paused, so a fast server cannot make the proxy hold a whole large stanza twice.
 * `countWritten` sees every byte as it is written (the traffic counters).
 */
export function createOrderedForwarder(
  source: Readable,
  destination: Writable,
  countWritten: (bytes: number) => void,
): OrderedForwarder {
  const queue: Entry[] = [];
  let lastDueAt = 0;
  let timer: NodeJS.Timeout | undefined;

  function write(entry: Entry): void {
    if (destination.destroyed) {
      entry.written?.();
      return;
    }
    if (entry.chunk === null) {
      destination.end();
      return;
    }
    countWritten(entry.chunk.length);
    const flushed = destination.write(entry.chunk, entry.written);
    if (!flushed && !source.isPaused()) {
      source.pause();
      destination.once('drain', () => source.resume());
    }
  }

  function pump(): void {
    timer = undefined;
    const now = performance.now();
    while (queue.length > 0 && queue[0]!.dueAt <= now) write(queue.shift()!);
    const head = queue[0];
    // setTimeout may fire a fraction of a millisecond early: round up, so a delay is never short.
    if (head) timer = setTimeout(pump, Math.ceil(head.dueAt - now));
  }

  function enqueue(entry: Omit<Entry, 'dueAt'>, delayMs: number): void {
    const dueAt = Math.max(performance.now() + delayMs, lastDueAt);
    lastDueAt = dueAt;
    if (delayMs <= 0 && queue.length === 0) {
      write({ ...entry, dueAt });
      return;
    }
    queue.push({ ...entry, dueAt });
    if (timer === undefined) pump();
  }

  return {
    push: (chunk, delayMs, written) => enqueue({ chunk, written }, delayMs),
    end: (delayMs) => enqueue({ chunk: null }, delayMs),
    drop() {
      queue.length = 0;
      lastDueAt = 0;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
