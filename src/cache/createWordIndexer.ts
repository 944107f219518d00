/** Docs a step of the word indexer moves into the index, one transaction each. Since the
 * postings (schema v10) a step writes a row per distinct word and field set of its docs, so a
 * larger step writes fewer rows a post (200 before; at 500 a 10,000-post follow was searchable
 * 44.6 s after it began in the bench's 101,000-post profile, 57.0 s at 200: runs of 2026-12-06,
 * one and two syncs). A search waits for a step's transaction to end. */
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

  async function drain(): Promise<void> {
    let indexed = 0;
    while (!deps.busy()) {
      const count = await deps.indexBatch(WORD_INDEX_BATCH);
      if (count === 0) {
        if (indexed > 0) deps.onDrained?.();
        return;
      }
      indexed += count;
    }
  }

  return {
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
