/**
 * Bounds for prefix ranges over compound keys. In IndexedDB's key order numbers < dates <
 * strings < binary < arrays, so -Infinity sorts below and [] above every scalar a key part can
 * hold. (Dexie.maxKey is computed from the global IDBKeyRange, which tests do not have.)
 */
import type { IndexableTypePart } from 'dexie';

export const MIN_KEY_PART = -Infinity;
/** A fresh [] each time: the same array twice in one key is invalid (the spec sees a cycle). */
export const maxKeyPart = (): never[] => [];

/** Lower and upper bounds of every key that starts with `prefix` and has `rest` more parts. */
export function prefixRange(
  prefix: readonly IndexableTypePart[],
  rest: number,
): [lower: IndexableTypePart[], upper: IndexableTypePart[]] {
  const lower: IndexableTypePart[] = [...prefix];
  const upper: IndexableTypePart[] = [...prefix];
  for (let i = 0; i < rest; i += 1) {
    lower.push(MIN_KEY_PART);
    upper.push(maxKeyPart());
  }
  return [lower, upper];
}
