import { signal } from '@preact/signals';
import { PRERENDERED_FEED_ID } from '../../shared/prerenderedFeedId';

/** Past this without the app's own rows, the worker's are taken down: they may be stale. */
const GIVE_UP_MS = 10_000;
const ROOT_CLASS = 'with-prerendered-feed';

const block = document.getElementById(PRERENDERED_FEED_ID);
const shown = signal(block !== null);

function drop(): void {
  if (!shown.peek()) return;
  block?.remove();
  document.documentElement.classList.remove(ROOT_CLASS);
  shown.value = false;
}

if (block) {
  // Lets the stylesheet put the rows where the feed view's own will be (styles.css).
  document.documentElement.classList.add(ROOT_CLASS);
  setTimeout(drop, GIVE_UP_MS);
}

/**
 * The first rows of a cached feed that the worker wrote into this page's HTML (src/sw/prerender)
 * so they show before this script has loaded. While `shown`, a wait on the way to that feed
 * renders nothing: the rows are the wait. `drop` removes them, in the layout effect of whatever
 * replaces them (the feed's own rows, or a sign-in form, an error, another view), so no frame
 * shows both or neither.
 */
export const prerenderedFeed = { shown, drop };
