/**
 * Background work (a sync, applying events) that must not be cut off. A service worker lives
 * while an event's `waitUntil` promise is pending: every page message hands this set's
 * settlement to its waitUntil, bounded so that one long sync cannot pin a single event past the
 * browser's ~5 minute limit (platform-facts); the next heartbeat extends it again.
 */
export function createBackgroundWork(maxWaitMs = 25_000) {
  const pending = new Set<Promise<unknown>>();
  return {
    track(work: Promise<unknown>): void {
      const settled = work.then(
        () => undefined,
        () => undefined,
      );
      pending.add(settled);
      void settled.then(() => pending.delete(settled));
    },
    /** Resolves when current work settles, or after `maxWaitMs`. */
    settled(): Promise<void> {
      if (pending.size === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, maxWaitMs);
        void Promise.all(pending).then(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}
