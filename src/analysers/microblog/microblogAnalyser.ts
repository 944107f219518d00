/**
 * The XEP-0277 microblog analyser: nodes named `urn:xmpp:microblog:0...` or whose items are
 * Atom entries are blogs, and synced. Comment nodes (XEP-0277 Comments: named
 * `urn:xmpp:microblog:0:comments/ID`) get the subtype 'comment'.
 */
import type { AnalyserDefinition } from '../analyserTypes';
import { ATOM_NS } from './parseAtomEntry';
import { MICROBLOG_INDEXED_FIELDS, parseMicroblogItem } from './parseMicroblogItem';

export const MICROBLOG_NODE = 'urn:xmpp:microblog:0';
export const MICROBLOG_COMMENTS_PREFIX = 'urn:xmpp:microblog:0:comments/';

export const microblogAnalyser: AnalyserDefinition = {
  name: 'microblog',
  node: MICROBLOG_NODE,
  namespace: ATOM_NS,
  type: 'blog',
  toSync: true,
  parser: parseMicroblogItem,
  match: (input, result) =>
    input.node.startsWith(MICROBLOG_COMMENTS_PREFIX) ? { ...result, subtype: 'comment' } : result,
  indexedFields: MICROBLOG_INDEXED_FIELDS,
  // parseMicroblogItem: created = published (RFC 4287 §4.2.9), updated = updated (§4.2.15),
  // whenever the entry has them.
  timeFields: { created: 'published', updated: 'updated' },
};
