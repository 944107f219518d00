/**
 * Which of a query's required words lists the fewest docs, for the walk plan to follow
 * (searchDriver.ts). Each word's entries are probed up to RAREST_PROBE keys: a word that lists
 * fewer is rarer, whatever its length. Walking a common word ("offline", on most posts) to find
 * the few docs that also hold a rare one ("zephyr", 1 in 100) read hundreds of thousands of
 * entries: 0.4 to 1.8 s in Chromium here, against 20 to 40 ms following the rare word.
 */
import type { QueryTerm } from '../../search/parseSearchText';
import { probe } from './searchCandidates';
import { termSource } from './searchSources';
import type { DocKey, SatchelDb } from '../SatchelDb';

/** Keys read per word at most (10 to 30 µs a key in Chromium here). A word on 1 post in 100
 * of a 111,000-post cache lists 1,110: above 1,000, the first probe size tried, all words
 * looked alike and the walk followed the common one (0.4 to 1.6 s in the bench). */
export const RAREST_PROBE = 2_000;

export interface RarestTerm {
  term: QueryTerm;
  /** Every doc of the word, when its probe read them all. */
  keys?: Map<string, DocKey>;
}

export async function rarestTerm(
  db: SatchelDb,
  account: string,
  terms: readonly QueryTerm[],
): Promise<RarestTerm | undefined> {
  const probes = await Promise.all(
    terms.map((term) => probe(db, termSource(account, term, false), RAREST_PROBE)),
  );
  let best: RarestTerm | undefined;
  let bestSize = Infinity;
  terms.forEach((term, i) => {
    const keys = probes[i]?.keys;
    const size = keys?.size ?? Infinity;
    // Ties (every word past the probe) keep the old rule: the longest word is likely the rarest.
    if (
      !best ||
      size < bestSize ||
      (size === bestSize && term.word.length > best.term.word.length)
    ) {
      best = keys ? { term, keys } : { term };
      bestSize = size;
    }
  });
  return best;
}
