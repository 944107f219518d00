/**
 * Parses a stored `<item/>` strictly, for imports (issue 7: an import is checked before
 * anything is written). ltx's parse() forgives what a cache must not take from a file: a
 * mismatched end tag, text or a second element after the root. This one builds the same
 * element tree but rejects those, and it never expands entities or reads a DTD.
 */
import { Element } from '@xmpp/xml';
import SaxLtx from 'ltx/lib/parsers/ltx.js';

export type ParsedItemXml = { ok: true; item: Element } | { ok: false; problem: string };

export function parseItemXml(xml: string, expectedId: string): ParsedItemXml {
  const parser = new SaxLtx();
  let root: Element | undefined;
  let open: Element | undefined;
  let problem: string | undefined;
  const fail = (why: string) => {
    problem ??= why;
  };
  parser.on('startElement', (name, attrs) => {
    const element = new Element(name, attrs);
    if (open) open.append(element);
    else if (root) fail('a second element after the root');
    else root = element;
    open = element;
  });
  parser.on('endElement', (name) => {
    if (open?.name !== name) fail(`</${name}> closes nothing`);
    open = open?.parent ?? undefined;
  });
  parser.on('text', (text) => {
    if (open) open.append(text);
    else if (text.trim() !== '') fail('text outside the root element');
  });
  parser.on('error', (error) => {
    fail(error.message);
  });
  try {
    parser.write(xml);
    parser.end();
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (problem === undefined && (!root || open)) problem = 'incomplete XML';
  // The parser keeps text after the last tag to itself.
  if (problem === undefined && !/>\s*$/u.test(xml)) problem = 'text outside the root element';
  if (problem !== undefined || !root) return { ok: false, problem: problem ?? 'no element' };
  if (root.name !== 'item') return { ok: false, problem: `the root is <${root.name}>, not <item>` };
  if (root.attrs.id !== expectedId)
    return { ok: false, problem: 'the <item> id differs from the id' };
  return { ok: true, item: root };
}
