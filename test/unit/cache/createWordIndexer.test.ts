/** The word indexer: runs when no sync does, resumes when kicked, says when it caught up. */
import { expect, test } from 'vitest';
import { createWordIndexer, WORD_INDEX_BATCH } from '../../../src/cache/createWordIndexer';

function harness(queue: number) {
  let left = queue;
  let busy = false;
  let busyCheck: (() => boolean) | undefined;
  const calls: number[] = [];
  const drained: number[] = [];
  const tracked: Array<Promise<unknown>> = [];
  const indexer = createWordIndexer({
    indexBatch: (max) => {
      const count = Math.min(max, left);
      left -= count;
      calls.push(count);
      return Promise.resolve(count);
    },
    busy: () => busyCheck?.() ?? busy,
    onDrained: () => drained.push(left),
    track: (work) => tracked.push(work),
    log: () => undefined,
  });
  return {
    indexer,
    calls,
    drained,
    left: () => left,
    setBusy: (value: boolean) => {
      busy = value;
    },
    setBusyCheck: (check: () => boolean) => {
      busyCheck = check;
    },
    settled: async () => {
      // A run tracks itself; a kick during it may start another, tracked later.
      for (let seen = 0; seen < tracked.length; seen = tracked.length) await Promise.all(tracked);
    },
    add: (count: number) => {
      left += count;
    },
  };
}

const QUEUE = 2 * WORD_INDEX_BATCH + 50;

test('a kick indexes the whole queue in batches, then says so once', async () => {
  const h = harness(QUEUE);
  h.indexer.kick();
  await h.settled();
  expect(h.calls).toEqual([WORD_INDEX_BATCH, WORD_INDEX_BATCH, 50, 0]);
  expect(h.left()).toBe(0);
  expect(h.drained).toEqual([0]);
});

test('an empty queue costs one look and no event', async () => {
  const h = harness(0);
  h.indexer.kick();
  await h.settled();
  expect(h.calls).toEqual([0]);
  expect(h.drained).toEqual([]);
});

test('it waits while a sync runs, and the next kick picks up where it stopped', async () => {
  const h = harness(QUEUE);
  h.setBusy(true);
  h.indexer.kick();
  await h.settled();
  expect(h.calls).toEqual([]);
  h.setBusy(false);
  h.indexer.kick();
  await h.settled();
  expect(h.left()).toBe(0);
  expect(h.drained).toEqual([0]);
});

test('a sync that starts and ends during a run loses no kick', async () => {
  const h = harness(QUEUE);
  let syncs = 0;
  // After the first batch the run sees a sync running and stops; that sync ends (and kicks)
  // before the run has finished stopping.
  const busyOnce = () => {
    if (h.calls.length !== 1 || syncs > 0) return false;
    syncs += 1;
    h.indexer.kick();
    return true;
  };
  h.setBusyCheck(busyOnce);
  h.indexer.kick();
  await h.settled();
  expect(h.left()).toBe(0);
  expect(h.drained).toEqual([0]);
});
