/** The tokenizer: folding, Unicode word boundaries, CJK pairs, emoji, and the fallback. */
import { afterEach, describe, expect, test } from 'vitest';
import { foldToken } from '../../../src/search/foldToken';
import { MAX_TOKEN_LENGTH, tokenize, useFallbackSegmentation } from '../../../src/search/tokenize';

const words = (text: string) => tokenize(text).map((t) => t.token);

afterEach(() => {
  useFallbackSegmentation(false);
});

describe('foldToken', () => {
  test.each([
    ['Crème', 'creme'],
    ['BRÛLÉE', 'brulee'],
    ['Straße', 'strasse'],
    ['İstanbul', 'istanbul'],
    ['ΣΟΦΟΣ', 'σοφοσ'],
    ['σοφός', 'σοφοσ'],
    ['ﬁnance', 'finance'],
    ['Ｆｕｌｌ', 'full'],
    ['№5', 'no5'],
    ['Don’t', "don't"],
    ['ｶﾀｶﾅ', 'カタカナ'],
    ['한국어', '한국어'],
    ['شُكْرًا', 'شكرا'],
    ['👍🏽', '👍'],
  ])('%s folds to %s', (word, folded) => {
    expect(foldToken(word)).toBe(folded);
  });

  test('kana voicing marks are kept: が is not か', () => {
    expect(foldToken('が')).toBe('が');
    expect(foldToken('が')).not.toBe(foldToken('か'));
  });
});

describe('tokenize', () => {
  test('words with their offsets in the original text', () => {
    const text = 'Crème brûlée, at juliet@capulet.example!';
    const spans = tokenize(text);
    expect(spans.map((s) => [s.token, text.slice(s.start, s.end)])).toEqual([
      ['creme', 'Crème'],
      ['brulee', 'brûlée'],
      ['at', 'at'],
      ['juliet', 'juliet'],
      ['capulet.example', 'capulet.example'],
      ['capulet', 'capulet'],
      ['example', 'example'],
    ]);
  });

  test('scripts with spaces: Cyrillic, Arabic, Hangul, Greek', () => {
    expect(words('Поезд шёл через горы')).toEqual(['поезд', 'шел', 'через', 'горы']);
    expect(words('القراءة دون اتصال')).toEqual(['القراءة', 'دون', 'اتصال']);
    expect(words('한국어 텍스트')).toEqual(['한국어', '텍스트']);
  });

  test('Han and kana runs become overlapping pairs and the last character', () => {
    expect(words('离线阅读')).toEqual(['离线', '线阅', '阅读', '读']);
    expect(words('读')).toEqual(['读']);
    expect(words('カタカナとひらがな')).toEqual([
      'カタ',
      'タカ',
      'カナ',
      'ナと',
      'とひ',
      'ひら',
      'らが',
      'がな',
      'な',
    ]);
    // Mixed with Latin: each part as its script wants.
    const text = 'Satchel离线 reader';
    const spans = tokenize(text);
    expect(spans.map((s) => [s.token, text.slice(s.start, s.end)])).toEqual([
      ['satchel', 'Satchel'],
      ['离线', '离线'],
      ['线', '线'],
      ['reader', 'reader'],
    ]);
  });

  test('astral Han characters keep whole code points', () => {
    const text = '𠮷野家';
    expect(tokenize(text).map((s) => text.slice(s.start, s.end))).toEqual(['𠮷野', '野家', '家']);
  });

  test('emoji and flags are words; skin tones fold away; punctuation is not a word', () => {
    expect(words('great 👍🏽 trip 🇫🇷 — ok!')).toEqual(['great', '👍', 'trip', '🇫🇷', 'ok']);
    expect(words('👨‍👩‍👧')).toEqual(['👨‍👩‍👧']);
    expect(words('... — !!')).toEqual([]);
  });

  test('very long words are cut, so a query cut alike still finds them', () => {
    const long = 'a'.repeat(200);
    expect(words(long)).toEqual(['a'.repeat(MAX_TOKEN_LENGTH)]);
  });

  test('the regex fallback (no Intl.Segmenter) splits the same simple text alike', () => {
    const text = 'Crème brûlée, don’t 离线 👍🏽 v1.2';
    const withSegmenter = words(text);
    useFallbackSegmentation(true);
    expect(words(text)).toEqual(withSegmenter);
  });
});
