/**
 * The id of the block of feed rows the worker renders into a navigation response (see
 * src/sw/prerender): the page removes it once its own view replaces it (ui/prerender).
 */
export const PRERENDERED_FEED_ID = 'prerendered-feed';
