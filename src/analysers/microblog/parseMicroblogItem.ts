/**
 * The microblog analyser's item parser: reads the Atom entry inside an `<item/>`, and gives
 * the fields the cache indexes and the publication times (RFC 4287 published and updated).
 */
import type { Element } from '@xmpp/xml';
import type { FacetValue } from '../../shared/records';
import type { ParseContext, ParseOutcome } from '../analyserTypes';
import type { AtomEntry, MicroblogItem } from '../../shared/microblogTypes';
import { bareJid } from './bareJid';
import { parseAtomEntry } from './parseAtomEntry';

/** The parsed fields the microblog analyser indexes (issue 4, "Reading from the cache"). */
export const MICROBLOG_INDEXED_FIELDS = [
  'author_jid',
  'category',
  'published',
  'updated',
  'in_reply_to',
];

/** One [field, value] per distinct value: authors' JIDs, category terms (as written, exact
 * match), reply refs, and the dates as epoch ms so ranges can be queried. */
export function microblogFields(entry: AtomEntry): Array<[string, FacetValue]> {
  const fields: Array<[string, FacetValue]> = [];
  const addAll = (field: string, values: Array<string | undefined>) => {
    for (const value of new Set(values))
      if (value !== undefined && value !== '') fields.push([field, value]);
  };
  addAll(
    'author_jid',
    entry.authors.map((author) => author.jid),
  );
  addAll(
    'category',
    entry.categories.map((category) => category.term),
  );
  if (entry.published?.ms !== undefined) fields.push(['published', entry.published.ms]);
  if (entry.updated?.ms !== undefined) fields.push(['updated', entry.updated.ms]);
  addAll(
    'in_reply_to',
    entry.inReplyTo.map((reply) => reply.ref),
  );
  return fields;
}

export function parseMicroblogItem(item: Element, _context: ParseContext): ParseOutcome {
  const payload = item.children.find((child): child is Element => typeof child !== 'string');
  if (payload === undefined) return { parsed: null, fields: [], problems: ['item has no payload'] };
  const { entry, problems } = parseAtomEntry(payload);
  const parsed: MicroblogItem = entry;
  const publisher = item.attrs.publisher === undefined ? undefined : bareJid(item.attrs.publisher);
  if (publisher !== undefined) {
    parsed.authorVerified = entry.authors.some((author) => author.jid === publisher);
  }
  const outcome: ParseOutcome = { parsed, fields: microblogFields(entry), problems };
  // Items without dates take their first-seen time from the caller.
  const created = entry.published?.ms ?? entry.updated?.ms;
  const updated = entry.updated?.ms ?? entry.published?.ms;
  if (created !== undefined) outcome.created = created;
  if (updated !== undefined) outcome.updated = updated;
  return outcome;
}
