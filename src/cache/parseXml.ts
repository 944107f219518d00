/**
 * ltx's `parse()` for the worker's build (vite.config.ts aliases `ltx/lib/parse.js` here): the
 * same lenient tree of ltx Elements (an end tag that closes nothing is skipped, what follows
 * the root is ignored, the last parse error is thrown, no root is "Incomplete document"), built
 * on the SAX parser @xmpp/xml and parseItemXml.ts already use instead of a second copy of
 * ltx's tree builder and its Parser class. Tests in Node use ltx's own;
 * test/unit/cache/parseXml.test.ts runs the same documents through both.
 */
import { Element } from '@xmpp/xml';
import SaxLtx from 'ltx/lib/parsers/ltx.js';

export default function parseXml(data: string): Element {
  const parser = new SaxLtx();
  let open: Element | undefined;
  let tree: Element | undefined;
  let error: Error | undefined;
  parser.on('startElement', (name, attrs) => {
    const child = new Element(name, attrs);
    open?.append(child);
    open = child;
  });
  parser.on('endElement', (name) => {
    if (open?.name !== name) return;
    if (open.parent) open = open.parent;
    else if (!tree) {
      tree = open;
      open = undefined;
    }
  });
  parser.on('text', (text) => {
    open?.t(text);
  });
  parser.on('error', (e) => {
    error = e;
  });
  parser.write(data);
  parser.end();
  if (error) throw error;
  if (!tree) throw new Error('Incomplete document');
  return tree;
}
