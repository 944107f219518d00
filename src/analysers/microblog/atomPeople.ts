/**
 * Reads RFC 4287 §3.2 person constructs (author, contributor). XEP-0277 puts the author's JID
 * in the uri as `xmpp:romeo@montague.lit`; it becomes `jid`, the indexed author.
 */
import type { Element } from '@xmpp/xml';
import { parseXmppUri } from '../../shared/parseXmppUri';
import type { AtomPerson } from '../../shared/microblogTypes';
import { bareJid } from './bareJid';

function childText(element: Element, name: string, ns: string | undefined): string | undefined {
  const child = element.getChildren(name).find((candidate) => candidate.getNS() === ns);
  if (child === undefined) return undefined;
  const text = child.getText().trim();
  return text === '' ? undefined : text;
}

export function readAtomPerson(
  element: Element,
  ns: string | undefined,
  label: string,
  problems: string[],
): AtomPerson {
  const person: AtomPerson = {};
  const name = childText(element, 'name', ns);
  const uri = childText(element, 'uri', ns);
  const email = childText(element, 'email', ns);
  if (name !== undefined) person.name = name;
  if (uri !== undefined) {
    person.uri = uri;
    const xmpp = parseXmppUri(uri);
    const jid = xmpp === null ? undefined : bareJid(xmpp.jid);
    if (jid !== undefined) person.jid = jid;
    else if (/^xmpp:/i.test(uri)) problems.push(`${label}: uri "${uri}" is not a usable XMPP URI`);
  }
  if (email !== undefined) person.email = email;
  // §3.2.1 requires a name; the JID or URI still identifies the person without one.
  if (name === undefined) problems.push(`${label}: no name`);
  return person;
}
