/**
 * Parses an Atom entry (RFC 4287 §4.1.2) as published on XEP-0277 microblog nodes, in one pass
 * over its children. Tolerant by design: a missing or malformed field becomes a problem and a
 * default, never an exception, and unknown children are listed (the raw XML keeps them all).
 */
import type { Element } from '@xmpp/xml';
import { readAtomDate } from './atomDate';
import { deriveLinkViews, readAtomLink, readInReplyTo } from './atomLinks';
import { readAtomPerson } from './atomPeople';
import { preferredText, readAtomText } from './atomText';
import type { AtomDate, AtomEntry, AtomParseResult } from '../../shared/microblogTypes';
import { readGeoloc } from './readGeoloc';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';
export const THREAD_NS = 'http://purl.org/syndication/thread/1.0';
export const GEOLOC_NS = 'http://jabber.org/protocol/geoloc';

function emptyEntry(kind: AtomEntry['kind']): AtomEntry {
  return {
    kind,
    titles: [],
    summaries: [],
    contents: [],
    authors: [],
    contributors: [],
    categories: [],
    links: [],
    comments: [],
    enclosures: [],
    inReplyTo: [],
    extensions: [],
  };
}

function childElements(element: Element): Element[] {
  return element.children.filter((child): child is Element => typeof child !== 'string');
}

/** Reads the Atom-namespace child `child` into `entry`. Returns false when it is not one. */
function readAtomChild(entry: AtomEntry, child: Element, problems: string[]): boolean {
  const name = child.getName();
  const once = (field: 'id' | 'published' | 'updated' | 'rights'): boolean => {
    if (entry[field] === undefined) return true;
    problems.push(`${name}: repeated; the first is kept`);
    return false;
  };
  const date = (): AtomDate => readAtomDate(child.getText(), name, problems);
  switch (name) {
    case 'id': {
      const id = child.getText().trim();
      if (id === '') problems.push('id: empty');
      else if (once('id')) entry.id = id;
      return true;
    }
    case 'title':
      entry.titles.push(readAtomText(child, name, problems));
      return true;
    case 'summary':
    case 'subtitle': // a feed's (XEP-0277 metadata item) description
      entry.summaries.push(readAtomText(child, name, problems));
      return true;
    case 'content':
      entry.contents.push(readAtomText(child, name, problems, true));
      return true;
    case 'rights':
      if (once('rights')) entry.rights = readAtomText(child, name, problems);
      return true;
    case 'author':
    case 'contributor':
      (name === 'author' ? entry.authors : entry.contributors).push(
        readAtomPerson(child, child.getNS(), name, problems),
      );
      return true;
    case 'published':
    case 'updated':
      if (once(name)) entry[name] = date();
      return true;
    case 'category': {
      const term = child.attrs.term?.trim() ?? '';
      if (term === '') problems.push('category: no term');
      const category: AtomEntry['categories'][number] = { term };
      if (child.attrs.label !== undefined) category.label = child.attrs.label;
      if (child.attrs.scheme !== undefined) category.scheme = child.attrs.scheme;
      entry.categories.push(category);
      return true;
    }
    case 'link':
      entry.links.push(readAtomLink(child, `link ${child.attrs.rel ?? 'alternate'}`, problems));
      return true;
    default:
      return false;
  }
}

/** Parses `payload`, normally an atom:entry; an atom:feed (the XEP-0277 metadata item) or an
 * entry outside the Atom namespace is read the same way, with a problem recorded. */
export function parseAtomEntry(payload: Element): AtomParseResult {
  const problems: string[] = [];
  const name = payload.getName();
  const ns = payload.getNS();
  if (name !== 'entry' && name !== 'feed')
    problems.push(`payload is <${name}>, not an Atom entry; read as one`);
  // Children in the payload's own namespace are read as Atom, so an entry whose publisher
  // forgot the namespace still gives its fields.
  if (ns !== ATOM_NS) problems.push(`payload is in namespace "${ns ?? ''}", not Atom`);
  const entry = emptyEntry(name === 'feed' ? 'feed' : 'entry');
  const lang = payload.attrs['xml:lang'];
  if (lang !== undefined) entry.lang = lang;

  for (const child of childElements(payload)) {
    const childNs = child.getNS();
    if (childNs === ns && readAtomChild(entry, child, problems)) continue;
    if (childNs === THREAD_NS && child.getName() === 'in-reply-to') {
      entry.inReplyTo.push(readInReplyTo(child, problems));
    } else if (
      childNs === GEOLOC_NS &&
      child.getName() === 'geoloc' &&
      entry.geoloc === undefined
    ) {
      entry.geoloc = readGeoloc(child, problems);
    } else {
      entry.extensions.push(`{${childNs ?? ''}}${child.getName()}`);
    }
  }

  const title = preferredText(entry.titles);
  const summary = preferredText(entry.summaries);
  const content = preferredText(entry.contents);
  if (title !== undefined) entry.title = title;
  if (summary !== undefined) entry.summary = summary;
  if (content !== undefined) entry.content = content;
  Object.assign(entry, deriveLinkViews(entry.links, problems));
  // RFC 4287 §4.1.2 requires these three; XEP-0277's own comment example omits id and updated.
  if (entry.id === undefined) problems.push('id: missing');
  if (title === undefined) problems.push('title: missing');
  if (entry.updated === undefined) problems.push('updated: missing');
  return { entry, problems };
}
