/** Query syntax, highlights and snippets. */
import { describe, expect, test } from 'vitest';
import { buildSearchHit } from '../../../src/search/buildSearchHit';
import { highlightWhole, snippet } from '../../../src/search/highlight';
import { parseSearchText } from '../../../src/search/parseSearchText';
import { ALL_FIELDS, FIELD_BITS } from '../../../src/search/searchTermKeys';

const marked = (h: { text: string; marks: Array<[number, number]> }) =>
  h.marks.map(([s, e]) => h.text.slice(s, e));

describe('parseSearchText', () => {
  test('words, "exact words", -excluded, field:word, and unknown prefixes kept as text', () => {
    expect(parseSearchText('Crème "Brûlée" -sugar title:home tag:cooking https://x.org')).toEqual({
      required: [
        { word: 'creme', prefix: true, fields: ALL_FIELDS },
        { word: 'brulee', prefix: false, fields: ALL_FIELDS },
        { word: 'home', prefix: true, fields: FIELD_BITS.title },
        { word: 'cooking', prefix: true, fields: FIELD_BITS.tags },
        { word: 'https', prefix: true, fields: ALL_FIELDS },
        { word: 'x.org', prefix: true, fields: ALL_FIELDS },
        { word: 'org', prefix: true, fields: ALL_FIELDS },
      ],
      excluded: [{ word: 'sugar', prefix: true, fields: ALL_FIELDS }],
    });
    expect(parseSearchText('离线阅读').required.map((t) => t.word)).toEqual([
      '离线',
      '线阅',
      '阅读',
    ]);
    expect(parseSearchText('读').required.map((t) => t.word)).toEqual(['读']);
    expect(parseSearchText('  - "" title: ')).toEqual({ required: [], excluded: [] });
  });
});

describe('highlights', () => {
  const terms = parseSearchText('creme sync 离线').required;

  test('matching words of a title, folded, prefixes, CJK runs joined', () => {
    const h = highlightWhole('Crème brûlée, syncing 离线阅读', terms, FIELD_BITS.title);
    expect(marked(h)).toEqual(['Crème', 'syncing', '离线']);
  });

  test('a snippet is cut around the first match, with ellipses and shifted marks', () => {
    const long = `${'word '.repeat(100)}the crème of it ${'tail '.repeat(100)}`;
    const s = snippet(long, terms, FIELD_BITS.body, 80);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(s.text.length).toBeLessThan(110);
    expect(marked(s)).toEqual(['crème']);
  });

  test('a field-restricted word marks only that field', () => {
    const [title] = parseSearchText('title:creme').required;
    expect(marked(highlightWhole('crème', [title!], FIELD_BITS.body))).toEqual([]);
    expect(marked(highlightWhole('crème', [title!], FIELD_BITS.title))).toEqual(['crème']);
  });
});

describe('buildSearchHit', () => {
  test('a raw item gets its snippet from the XML text, never its markup', () => {
    const hit = buildSearchHit(
      {
        account: 'a',
        service: 's',
        node: 'n',
        itemId: 'i',
        xml: '<item id="i"><tune xmlns="t"><title>Heart &amp; Crème</title><uri>https://x</uri></tune></item>',
        created: 1,
        updated: 2,
        seq: 1,
        fields: [],
        size: 1,
        read: 0,
        pinned: 1,
      },
      parseSearchText('creme').required,
    );
    expect(hit).toMatchObject({ id: 'i', raw: true, pinned: true, read: false });
    expect(hit.title?.text).toBe('Heart & Crème');
    expect(marked(hit.snippet!)).toEqual(['Crème']);
    expect(hit.snippet?.text).not.toContain('<');
  });

  test('a match only in the tags shows the tags, marked', () => {
    const hit = buildSearchHit(
      {
        account: 'a',
        service: 's',
        node: 'n',
        itemId: 'i',
        xml: '<item id="i"/>',
        parsed: {
          kind: 'entry',
          authors: [],
          title: { type: 'text', value: 'A quiet Sunday', text: 'A quiet Sunday' },
          content: { type: 'text', value: 'Tea and a book.', text: 'Tea and a book.' },
          categories: [{ term: 'offline-first' }],
        },
        created: 1,
        updated: 1,
        seq: 1,
        fields: [],
        size: 1,
      },
      parseSearchText('offline').required,
    );
    expect(hit.snippet?.text).toBe('offline-first');
    expect(marked(hit.snippet!)).toEqual(['offline']);
  });
});
