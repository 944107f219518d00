/**
 * The benchmark's XEP-0277 posts: deterministic (item `i` is the same on every call, in Node
 * when seeding Prosody and in the page when importing), 1 to 3 KB each, with words and
 * categories at known frequencies so search queries have a known selectivity.
 * Runs in Node and in the browser: only @xmpp/xml and the demo word lists.
 */
import { xml, type Element } from '@xmpp/xml';
import { createDemoRandom } from '../../lib/demoRandom';
import { COMMENT_TEXTS, DEMO_CATEGORIES, NEWS_ARTICLES, TEXT_POSTS } from '../../lib/demoText';

const NS_ATOM = 'http://www.w3.org/2005/Atom';
/** Bump when the generator changes: the Prosody seed marker records it. */
export const BENCH_ITEMS_VERSION = 1;
/** In 1 item of 100: a rare word for full-text search. */
export const RARE_WORD = 'zephyr';
/** In 1 item of 100: a rare category (parsed-field search). */
export const RARE_CATEGORY = 'bench-rare';
/** Each post has 1 to 3 of the 10 demo categories: each is on about 20% of posts. */
export const COMMON_CATEGORY = 'xmpp';
/** A common word: each post draws ~150 to 450 words from a ~200-word vocabulary. */
export const COMMON_WORD = 'offline';
const DEFAULT_STEP_MS = 10 * 60_000;

const VOCABULARY = [
  ...new Set(
    [...TEXT_POSTS.flat(), ...NEWS_ARTICLES.flat(), ...COMMENT_TEXTS, 'offline reader synced']
      .join(' ')
      .toLowerCase()
      .split(/[^a-z]+/u)
      .filter((word) => word.length > 2 && word !== RARE_WORD),
  ),
];

export interface BenchItemOptions {
  /** How many items the node gets: item count-1 is the newest. */
  count: number;
  /** Publication time of the newest item (epoch ms). */
  endMs: number;
  /** Time between two posts; default 10 minutes. */
  stepMs?: number;
  authorJid: string;
  /** Distinguishes the seeds of different nodes. */
  seed?: number;
}

export const benchItemId = (i: number): string => `bench-${String(i).padStart(6, '0')}`;

export const publishedMs = (i: number, options: BenchItemOptions): number =>
  options.endMs - (options.count - 1 - i) * (options.stepMs ?? DEFAULT_STEP_MS);

function paragraph(random: ReturnType<typeof createDemoRandom>, words: number): string {
  const out: string[] = [];
  for (let w = 0; w < words; w++) out.push(random.pick(VOCABULARY));
  const text = out.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** The Atom entry of post `i` (0 is the oldest), 1 to 3 KB serialised. */
export function benchEntry(i: number, options: BenchItemOptions): Element {
  const random = createDemoRandom((options.seed ?? 0x5a7c) ^ Math.imul(i + 1, 2_654_435_761));
  const [title] = random.pick(TEXT_POSTS);
  const date = new Date(publishedMs(i, options)).toISOString();
  const contentChars = random.int(700, 2300);
  const paragraphs: string[] = [];
  let length = 0;
  while (length < contentChars) {
    const p = paragraph(random, random.int(20, 60));
    paragraphs.push(p);
    length += p.length + 2;
  }
  if (i % 100 === 42) paragraphs.splice(1, 0, `A ${RARE_WORD} blew through the harbour.`);
  const categories = random.sample(DEMO_CATEGORIES, random.int(1, 3)) as string[];
  if (i % 100 === 7) categories.push(RARE_CATEGORY);
  const domain = options.authorJid.split('@')[1] ?? 'localhost';
  return xml(
    'entry',
    { xmlns: NS_ATOM },
    xml('id', {}, `tag:${domain},2026:bench:${benchItemId(i)}`),
    xml('title', { type: 'text' }, `${title} (#${i + 1})`),
    xml('published', {}, date),
    xml('updated', {}, date),
    xml(
      'author',
      {},
      xml('name', {}, 'Bench Publisher'),
      xml('uri', {}, `xmpp:${options.authorJid}`),
    ),
    ...categories.map((term) => xml('category', { term })),
    xml('content', { type: 'text' }, paragraphs.join('\n\n')),
  );
}

/** A new post published live (after the seeded ones), for the live-event measurement. */
export function liveEntry(id: string, authorJid: string, nowMs: number): Element {
  return xml(
    'entry',
    { xmlns: NS_ATOM },
    xml('id', {}, `tag:bench,2026:live:${id}`),
    xml('title', { type: 'text' }, `Live post ${id}`),
    xml('published', {}, new Date(nowMs).toISOString()),
    xml('updated', {}, new Date(nowMs).toISOString()),
    xml('author', {}, xml('name', {}, 'Bench Publisher'), xml('uri', {}, `xmpp:${authorJid}`)),
    xml('content', { type: 'text' }, 'Published while the feed is open.'),
  );
}
