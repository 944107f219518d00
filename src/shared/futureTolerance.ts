/**
 * How far ahead of its receipt an item's own date is still believed (clock skew gets a day).
 * Later dates are ignored when the item is stored (cache/toNewItem.ts) and when it is shown
 * (microblogEntry.ts), or a post dated 9999 would head its feed forever (issue 15).
 */
export const FUTURE_TOLERANCE_MS = 24 * 3600_000;
