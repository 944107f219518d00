/**
 * FROZEN: a copy of src/search/searchTermKeys.ts as schema v3's upgrade runs it (v3SearchIndex.ts).
 * docs/schema-versions.md: a migration must do forever what it does today, so a later change to
 * the live tokenizer must not change what this upgrade writes. Never edit; a new tokenizing is a
 * new schema version that re-indexes.
 *
 * The search index's entries, one string per distinct word of an item, stored on the item row
 * and indexed multiEntry (schema v3), so they are written in the same transaction as the item:
 *
 *     <account tag> \0 <folded word> \0 <31 - field mask, base 32> <MAX - created, base 36>
 *
 * A range over `tag\0word\0` is every item with that word in relevance order (title before
 * tags, author, summary, then body; newest first within a field set), and a range over
 * `tag\0wo` … `tag\0wo\uffff` is prefix matching. The key sorts best-first when read forward,
 * which every IndexedDB reads without a cursor. The account is a short hash (it only narrows the
 * range: results are still checked against the item's real account, so a collision is harmless).
 */
import type { SearchableText } from './itemSearchText';
import { tokenize } from './tokenize';

/** A word's fields, as bits: the numeric order of a mask is the order of relevance. */
export const FIELD_BITS = { title: 16, tags: 8, author: 4, summary: 2, body: 1 } as const;
export type SearchField = keyof typeof FIELD_BITS;
export const ALL_FIELDS = 31;

/** An item with more distinct words indexes the best this many (by field, then first seen). */
export const MAX_TERMS_PER_ITEM = 400;

const SEP = '\u0000';
const MAX_TIME = 36 ** 9 - 1; // epoch ms up to the year 5138

/** Four base-36 characters of FNV-1a (32 bits): short, because every word of every item
 * repeats it. */
export function accountTag(account: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < account.length; i += 1) {
    hash ^= account.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return ((hash >>> 0) % 36 ** 4).toString(36).padStart(4, '0');
}

function rankSuffix(mask: number, created: number): string {
  const time = Math.min(MAX_TIME, Math.max(0, Math.floor(Number.isFinite(created) ? created : 0)));
  return (ALL_FIELDS - mask).toString(32) + (MAX_TIME - time).toString(36).padStart(9, '0');
}

/** Every distinct word of the text with the fields it appears in. */
export function wordMasks(text: SearchableText): Map<string, number> {
  const masks = new Map<string, number>();
  for (const field of Object.keys(FIELD_BITS) as SearchField[]) {
    for (const { token } of tokenize(text[field])) {
      masks.set(token, (masks.get(token) ?? 0) | FIELD_BITS[field]);
    }
  }
  return masks;
}

/** The entries of an item whose publication time is `created` (epoch ms). */
export function searchTermKeys(account: string, text: SearchableText, created: number): string[] {
  let entries = [...wordMasks(text)];
  if (entries.length > MAX_TERMS_PER_ITEM) {
    // Stable sort: among equal masks the words seen first stay.
    entries = entries.sort((a, b) => b[1] - a[1]).slice(0, MAX_TERMS_PER_ITEM);
  }
  const tag = accountTag(account);
  return entries.map(([word, mask]) => tag + SEP + word + SEP + rankSuffix(mask, created));
}
