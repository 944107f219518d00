import { describe, expect, it } from 'vitest';
import { codeBySource } from '../../scripts/lib/codeBySource';
import { decodeMappings } from '../../scripts/lib/decodeMappings';
import { moduleName } from '../../scripts/lib/sizeByModule';

// `npm run size -- --by-module` says which package or file the worker's bytes come from; a
// wrong split would send the next size hunt after the wrong module.
describe('the bundle size by module', () => {
  it('decodes source map v3 segments: columns, multi-digit and negative VLQ deltas', () => {
    // gB = 16; D = -1 (the source index goes back); a new line resets the column only.
    expect(decodeMappings('AAAA,gBCAA;ADAA,E')).toEqual([
      { line: 0, column: 0, source: 0 },
      { line: 0, column: 16, source: 1 },
      { line: 1, column: 0, source: 0 },
      { line: 1, column: 2, source: undefined },
    ]);
  });

  it('gives every byte of the output to one source, the unmapped ones to (unmapped)', () => {
    const code = 'xxAAAABB\nAAcc\nzz';
    // Line 0: "xx" before any segment, "AAAA" from a.js, "BB" from b.js; line 1: "AA" from
    // a.js, "cc" from no source; line 2 has no segment.
    const map = {
      sources: ['../src/a.js', '../node_modules/b/b.js'],
      mappings: 'EAAA,ICAA;ADAA,E;',
    };
    const parts = codeBySource(code, map);
    expect(Object.fromEntries(parts)).toEqual({
      '(unmapped)': 'xxcczz',
      '../src/a.js': 'AAAAAA',
      '../node_modules/b/b.js': 'BB',
    });
    const total = [...parts.values()].reduce((sum, text) => sum + text.length, 0);
    expect(total).toBe(code.length - 2); // all but the two newlines
  });

  it('names a package by its folder in node_modules and our code by its path from src/', () => {
    expect(moduleName('../../node_modules/@xmpp/xml/lib/Element.js')).toBe('@xmpp/xml');
    expect(moduleName('../node_modules/dexie/dist/modern/dexie.mjs')).toBe('dexie');
    expect(moduleName('../../src/cache/createPubsubCache.ts')).toBe(
      'src/cache/createPubsubCache.ts',
    );
    expect(moduleName('(unmapped)')).toBe('(unmapped)');
  });
});
