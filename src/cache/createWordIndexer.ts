/** Docs a step of the word indexer moves into the index, one transaction each: since the
 * postings (schema v10) a step writes a row per distinct word of its docs, so larger steps write
 * fewer rows a post; 500 took 0.3 to 0.5 s in Chromium here, a wait a search may meet. */
export const WORD_INDEX_BATCH = 500;

export interface WordIndexerDeps {
  /** Indexes the words of up to `max` queued docs; 0 when none is left (indexQueuedWords.ts). */
  indexBatch: (max: number) => Promise<number>;
  /** A sync runs: the indexer yields until it ends (the sync engine's `onIdle` kicks it). */
  busy: () => boolean;
  /** The queue emptied after this run indexed something (pages re-run a word search). */
  onDrained?: () => void;
  /** Keeps the worker alive while it runs. */
  track: (work: Promise<unknown>) => void;
  log: (message: string, detail?: unknown) => void;
}

/**
 * Indexes the words a sync queued (schema v6) once no sync runs: a node is readable offline as
 * soon as its items are stored, and searchable by word a little later (issue 8 §1). The queue
 * lives in the database, so a worker stopped half-way resumes it on its next start (`kick`).
 */
export function createWordIndexer(deps: WordIndexerDeps) {
  let running: Promise<void> | undefined;
  let wanted = false;
  /** Docs indexed by steps beside a sync (`indexAlongside`) since the queue last drained. */
  let alongside = 0;

  async function drain(): Promise<void> {
    let indexed = alongside;
    while (!deps.busy()) {
      const count = await deps.indexBatch(WORD_INDEX_BATCH);
      if (count === 0) {
        alongside = 0;
        if (indexed > 0) deps.onDrained?.();
        return;
      }
      indexed += count;
    }
  }

  return {
    /**
     * One step of `max` docs while a sync runs: the sync calls it after storing a batch, while
     * its next batch is on the way, so the words keep up with the sync instead of waiting for
     * its end (the server, not this worker, is what a sync waits for). The kick that follows
     * the sync finishes the queue and says so.
     */
    async indexAlongside(max: number): Promise<void> {
      alongside += await deps.indexBatch(max);
    },
    /** Starts indexing if it is not running; a kick during a run makes it look again. */
    kick(): void {
      wanted = true;
      if (running) return;
      running = (async () => {
        while (wanted) {
          wanted = false;
          await drain();
        }
      })()
        .catch((error: unknown) => deps.log('word indexing failed', error))
        .finally(() => {
          running = undefined;
        });
      deps.track(running);
    },
  };
}
