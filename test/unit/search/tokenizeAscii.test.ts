/**
 * The ASCII fast path of tokenize (and of foldToken) must give exactly what the segmenter gives:
 * the index keeps tokens from before it existed, and queries must split alike (schema v3/v4
 * keep tokenizer format 1). Compared on tricky hand-written text and on random ASCII.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { foldToken } from '../../../src/search/foldToken';
import { tokenize, useAsciiFastPath } from '../../../src/search/tokenize';

afterEach(() => useAsciiFastPath(true));

function both(text: string) {
  useAsciiFastPath(false);
  const segmenter = tokenize(text);
  useAsciiFastPath(true);
  return { fast: tokenize(text), segmenter };
}

/** A tiny deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const PIECES = [
  'a',
  'Zed',
  'offline',
  'x',
  '1',
  '42',
  '3',
  ' ',
  ' ',
  ' ',
  '  ',
  '\n',
  '\t',
  '\r\n',
  '.',
  ',',
  ';',
  ':',
  "'",
  '"',
  '`',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '<',
  '>',
  '!',
  '?',
  '-',
  '_',
  '@',
  '#',
  '$',
  '%',
  '&',
  '*',
  '+',
  '/',
  '\\',
  '=',
  '^',
  '|',
  '~',
  '\v',
  '\f',
];

describe('the ASCII fast path', () => {
  it.each([
    'Offline reading, at last: synced (mostly).',
    "it's v1.2 of capulet.example; don't e-mail me@montague.lit #tag $5 50% a_b _x x_",
    '"Quoted" [bracketed] {braced} <angled> `ticked` (1,000.50) 3:45 10;20 a.b a. .b 1.a a.1',
    "'lead trail' ''double'' ...dots... ,comma, ;semi; :colon: !bang! ?what?",
    'MiXeD CaSe WoRdS 123abc abc123 ABC 0x1F',
    '',
    '   \n\t  ',
  ])('splits %j as the segmenter does', (text) => {
    const { fast, segmenter } = both(text);
    expect(fast).toEqual(segmenter);
  });

  it('splits 3,000 random ASCII texts as the segmenter does', () => {
    const next = random(0x5a7c);
    for (let n = 0; n < 3_000; n++) {
      let text = '';
      const length = 1 + Math.floor(next() * 30);
      for (let i = 0; i < length; i++) text += PIECES[Math.floor(next() * PIECES.length)] ?? '';
      const { fast, segmenter } = both(text);
      expect(fast, JSON.stringify(text)).toEqual(segmenter);
    }
  });

  it('folds ASCII words as the full folding does', () => {
    for (const word of ['Offline', 'ABC', 'x_Y', "Don't", 'v1.2', '#Tag']) {
      const full = word.normalize('NFKD').toLowerCase().normalize('NFC');
      expect(foldToken(word)).toBe(full);
    }
  });
});
