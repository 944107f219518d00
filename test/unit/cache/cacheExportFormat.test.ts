/** Issue 15 "Import files": what validateCacheExport says about each kind of bad file. */
import { describe, expect, test } from 'vitest';
import { validateCacheExport } from '../../../src/cache/cacheExportFormat';

const valid = JSON.stringify({
  format: 'satchel-cache',
  version: 1,
  exportedAt: '2026-12-04T00:00:00.000Z',
  account: 'a@example.org',
  nodes: [
    {
      service: 'pubsub.example.org',
      node: 'n',
      followed: false,
      items: [
        {
          id: 'p1',
          xml: '<item id="p1"><x xmlns="urn:x">"quoted" {braces}</x></item>',
          created: 1,
          updated: 1,
          read: false,
          pinned: false,
        },
      ],
    },
  ],
});

const problem = (text: string): string => {
  try {
    validateCacheExport(text);
    return 'accepted';
  } catch (error) {
    return (error as { detail?: string }).detail ?? String(error);
  }
};

describe('validateCacheExport', () => {
  test('accepts the valid file', () => {
    expect(problem(valid)).toBe('accepted');
  });

  test('says a file is empty, or cut short wherever it is cut', () => {
    expect(problem('')).toBe('the file is empty');
    expect(problem(' \n')).toBe('the file is empty');
    const answers = new Set<string>();
    for (let at = 1; at < valid.length; at += 1) answers.add(problem(valid.slice(0, at)));
    expect([...answers]).toEqual(['the file is cut short']);
    expect(problem(`${valid}x`)).toBe('the file is not JSON');
    expect(problem('{"format": nope}')).toBe('the file is not JSON');
  });

  test('tells a newer format version from an unknown one', () => {
    const file = JSON.parse(valid) as Record<string, unknown>;
    expect(problem(JSON.stringify({ ...file, version: 2 }))).toMatch(
      /exported by a newer Satchel \(format version 2; this one reads version 1\): update Satchel/u,
    );
    expect(problem(JSON.stringify({ ...file, version: '1' }))).toBe(
      'export version 1 is not supported',
    );
  });

  test('refuses __proto__, constructor and prototype keys where the importer reads', () => {
    const cases: Array<[string, string]> = [
      [
        valid.replace('{"format"', '{"__proto__":{},"format"'),
        'the file has a forbidden key "__proto__"',
      ],
      [
        valid.replace('"followed"', '"constructor":{},"followed"'),
        'nodes[0] has a forbidden key "constructor"',
      ],
      [
        valid.replace('{"id"', '{"prototype":1,"id"'),
        'nodes[0].items[0] has a forbidden key "prototype"',
      ],
      [
        valid.replace('"followed"', '"retention":{"__proto__":{"maxItems":1}},"followed"'),
        'nodes[0] has a forbidden key "__proto__"',
      ],
    ];
    for (const [text, says] of cases) expect(problem(text)).toContain(says);
    // Names are data, not keys: a node or an item may be called "constructor".
    expect(problem(valid.replace('"node":"n"', '"node":"constructor"'))).toBe('accepted');
    expect(problem(valid.replaceAll('p1', '__proto__'))).toBe('accepted');
  });
});
