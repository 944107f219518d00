import { epochNow } from './epoch';

export interface RenderTime {
  /** When the DOM first satisfied the condition (epoch ms). */
  domAt: number;
  /** The next animation frame after that: the first frame that can show it (epoch ms). */
  frameAt: number;
}

/**
 * Resolves when `condition()` holds, checked on every DOM mutation (so the time is the
 * mutation's, not a poll's), with the following animation frame. Rejects after `timeoutMs`.
 */
export function whenDom(condition: () => boolean, timeoutMs: number): Promise<RenderTime> {
  return new Promise((resolve, reject) => {
    const done = (domAt: number): void => {
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => {
        resolve({ domAt, frameAt: epochNow() });
      });
    };
    const observer = new MutationObserver(() => {
      if (condition()) done(epochNow());
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`DOM condition not met within ${timeoutMs} ms`));
    }, timeoutMs);
    if (condition()) {
      done(epochNow());
      return;
    }
    observer.observe(document, { subtree: true, childList: true, characterData: true });
  });
}

/** The "N new posts" control shows at least `count`, or the post itself is in the feed. */
export function newPostShown(itemId: string, count: number): () => boolean {
  return () => {
    if (document.querySelector(`[data-item-id="${CSS.escape(itemId)}"]`)) return true;
    const label = document.querySelector('[data-testid="new-posts"]')?.textContent ?? '';
    const shown = Number.parseInt(label.replace(/[^0-9]/gu, ''), 10);
    return Number.isFinite(shown) && shown >= count;
  };
}
