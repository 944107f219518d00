import parse from 'ltx/lib/parse.js';
import { describe, expect, it } from 'vitest';
import type { AnalyserDefinition, ParseOutcome } from '../../../src/analysers/analyserTypes';
import { MAX_PROBLEMS, parseItem } from '../../../src/analysers/parseItem';

const item = parse(
  "<item id='1' xmlns='http://jabber.org/protocol/pubsub'><x xmlns='urn:x'/></item>",
);
const context = { service: 'pubsub.example.org', node: 'urn:x' };

function analyser(
  parser?: AnalyserDefinition['parser'],
  indexedFields?: string[],
): AnalyserDefinition {
  const def: AnalyserDefinition = { name: 'x', node: 'urn:x', type: 'x', toSync: true };
  if (parser !== undefined) def.parser = parser;
  if (indexedFields !== undefined) def.indexedFields = indexedFields;
  return def;
}

describe('parseItem', () => {
  it('gives no parsed data and no fields without a parser', () => {
    expect(parseItem(analyser(), item, context)).toEqual({
      parsed: undefined,
      fields: [],
      problems: [],
    });
  });

  it('passes the item and context to the parser and keeps its outcome', () => {
    const outcome = parseItem(
      analyser(
        (element, ctx) => ({
          parsed: { id: element.attrs.id ?? null, node: ctx.node },
          fields: [['tag', 'a']],
          created: 1,
          updated: 2,
          problems: ['minor'],
        }),
        ['tag'],
      ),
      item,
      context,
    );
    expect(outcome).toEqual({
      parsed: { id: '1', node: 'urn:x' },
      fields: [['tag', 'a']],
      created: 1,
      updated: 2,
      problems: ['minor'],
    });
  });

  it('turns a throwing parser into a problem, never an exception', () => {
    const outcome = parseItem(
      analyser(() => {
        throw new Error('bad entry');
      }),
      item,
      context,
    );
    expect(outcome).toEqual({
      parsed: undefined,
      fields: [],
      problems: ['parser "x" failed: bad entry'],
    });
  });

  it('drops unindexable and undeclared fields and invalid times, with problems', () => {
    const outcome = parseItem(
      analyser(
        () => ({
          parsed: null,
          fields: [
            ['tag', Number.NaN],
            ['tag', Number.POSITIVE_INFINITY],
            ['other', 'x'],
            ['tag', 0],
          ],
          created: Number.NaN,
          problems: [],
        }),
        ['tag'],
      ),
      item,
      context,
    );
    expect(outcome.fields).toEqual([['tag', 0]]);
    expect(outcome.created).toBeUndefined();
    expect(outcome.problems).toHaveLength(4);
  });

  it('caps the list of problems', () => {
    const many: ParseOutcome = {
      parsed: null,
      fields: [],
      problems: Array.from({ length: 10_000 }, (_, i) => `problem ${i}`),
    };
    const outcome = parseItem(
      analyser(() => many),
      item,
      context,
    );
    expect(outcome.problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(outcome.problems.at(-1)).toMatch(/9950 more/);
  });
});
