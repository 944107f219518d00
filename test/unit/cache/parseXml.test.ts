import { describe, expect, it } from 'vitest';
import parse from 'ltx/lib/parse.js';
import parseXml from '../../../src/cache/parseXml';

/** A parse's outcome: the tree as XML, with every element's parent, or the error thrown. */
function outcome(run: (xml: string) => unknown, xml: string): unknown {
  try {
    const tree = run(xml) as { toString(): string; parent: unknown; name: string };
    return { xml: tree.toString(), name: tree.name, parent: tree.parent };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const DOCUMENTS = [
  '<item id="a"><entry xmlns="http://www.w3.org/2005/Atom"><title>T</title></entry></item>',
  '<a><b/><c x="1">text &amp; more<![CDATA[<raw>]]></c><!-- note --><?pi x?></a>',
  '<a><b></c></b></a>',
  '<a/><b/>',
  '<a>x</a> trailing',
  '<a><b>',
  '',
  'just text',
  '<a x="1" x="2"/>',
  '<a><b attr=noquotes/></a>',
  '<a>&unknown;</a>',
  '<a></a></a><b/>',
];

describe('parseXml (ltx parse() in the worker)', () => {
  it.each(DOCUMENTS)('parses %j as ltx does', (xml) => {
    expect(outcome(parseXml, xml)).toEqual(outcome(parse, xml));
  });
});
