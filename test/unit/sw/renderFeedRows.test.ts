/** The worker's pre-rendered feed rows: hostile text stays text, and the markup is FeedRow's. */
import { xml } from '@xmpp/xml';
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay } from '../../../src/shared/formatDates';
import { renderFeedRows } from '../../../src/sw/prerender/renderFeedRows';
import { ADDRESS, HOSTILE, post } from './prerenderFixtures';

const NOW = Date.UTC(2026, 2, 20, 12);

const ALLOWED_TAGS = new Set(['div', 'article', 'h2', 'span', 'a', 'time', 'p']);
const ALLOWED_ATTRIBUTES =
  /^(class|id|role|href|tabindex|datetime|title|aria-(label|labelledby|busy|posinset|setsize)|data-(index|item-id|read))$/u;
/** A start or end tag: known attributes only, each double-quoted with no quote, < or > inside. */
const TAG = /<(\/?)([a-z0-9]+)((?:\s[a-z-]+="[^"<>]*")*)>/gu;

/** Checks the HTML is only our own tags and attributes, and returns its text pieces, decoded. */
function structure(html: string): { tags: string[]; texts: string[]; attributes: string[] } {
  const tags: string[] = [];
  const attributes: string[] = [];
  for (const [, , name, attrs] of html.matchAll(TAG)) {
    tags.push(name!);
    for (const [, attr, value] of attrs!.matchAll(/\s([a-z-]+)="([^"]*)"/gu)) {
      expect(attr).toMatch(ALLOWED_ATTRIBUTES);
      attributes.push(`${attr}=${decode(value!)}`);
    }
  }
  const texts = html.split(TAG).filter((_, n) => n % 4 === 0);
  for (const text of texts) expect(text).not.toMatch(/[<>"']|&(?!#\d+;)/u);
  expect(tags.filter((tag) => !ALLOWED_TAGS.has(tag))).toEqual([]);
  return { tags, texts: texts.filter((t) => t !== '').map(decode), attributes };
}

const decode = (text: string): string =>
  text.replace(/&#(\d+);/gu, (_, code: string) => String.fromCharCode(Number(code)));

describe('renderFeedRows', () => {
  it('writes hostile titles, authors, tags, ids and HTML content as escaped text only', () => {
    const items = [
      post({
        id: HOSTILE.id,
        title: HOSTILE.title,
        author: HOSTILE.author,
        categories: [HOSTILE.tag, 'ok'],
        content: xml('content', { type: 'html' }, HOSTILE.html),
      }),
    ];
    const html = renderFeedRows({ address: ADDRESS, items, total: 1, now: NOW })!;
    const { texts, attributes } = structure(html);
    expect(texts).toContain(HOSTILE.title);
    expect(texts).toContain(HOSTILE.author);
    expect(texts).toContain(`#${HOSTILE.tag}`);
    // The HTML content is reduced to its text: the <img> and the <script> are gone as markup.
    expect(texts).toContain('Hi & bye evil()');
    expect(attributes).toContain(`data-item-id=${HOSTILE.id}`);
    expect(attributes).toContain(
      `href=/item/juliet@capulet.lit/urn:xmpp:microblog:0/${encodeURIComponent(HOSTILE.id)}`,
    );
  });

  it('writes the markup, classes and text of FeedRow', () => {
    const published = '2026-03-20T09:15:00Z';
    const items = [
      post({ id: 'a', title: 'First', published, categories: ['x', 'y'], read: false }),
      post({ id: 'b', title: 'Second', comments: true, enclosures: 2 }),
    ];
    const html = renderFeedRows({ address: ADDRESS, items, total: 57, now: NOW })!;
    const ms = Date.parse(published);
    expect(html).toBe(
      '<div id="prerendered-feed" class="prerendered-feed"><div class="feed-list prerendered" role="feed" aria-label="Posts, newest first" aria-busy="false">' +
        '<article class="feed-row unread" aria-posinset="1" aria-setsize="57" aria-labelledby="row-title-0" data-index="0" data-item-id="a" data-read="false">' +
        '<h2 class="row-title" id="row-title-0"><span class="unread-dot" role="img" aria-label="Unread"></span>' +
        '<a class="row-link" href="/item/juliet@capulet.lit/urn:xmpp:microblog:0/a" tabindex="0">First</a></h2>' +
        `<time class="row-time" datetime="2026-03-20T09:15:00.000Z" title="${formatDateTime(ms)}">${formatDay(ms, NOW)}</time>` +
        '<p class="row-excerpt"></p><p class="row-meta"><span class="row-byline">Juliet</span>' +
        '<span class="tag">#x</span><span class="tag">#y</span></p></article>' +
        '<article class="feed-row" aria-posinset="2" aria-setsize="57" aria-labelledby="row-title-1" data-index="1" data-item-id="b" data-read="true">' +
        '<h2 class="row-title" id="row-title-1"><a class="row-link" href="/item/juliet@capulet.lit/urn:xmpp:microblog:0/b" tabindex="-1">Second</a></h2>' +
        `<time class="row-time" datetime="2026-03-01T10:00:00.000Z" title="${formatDateTime(Date.parse('2026-03-01T10:00:00Z'))}">${formatDay(Date.parse('2026-03-01T10:00:00Z'), NOW)}</time>` +
        '<p class="row-excerpt"></p><p class="row-meta"><span class="row-byline">Juliet</span>' +
        '<span class="row-flag">Comments</span><span class="row-flag">2 attachments</span></p></article>' +
        '</div></div>',
    );
  });

  it("says what the page's row says: the title, else the text's start; the excerpt", () => {
    const long = 'word '.repeat(100).trim();
    const items = [
      post({ id: 'status', title: 'Only a title' }),
      post({ id: 'text', content: xml('content', { type: 'text' }, long) }),
      post({
        id: 'xhtml',
        title: 'With XHTML',
        content: xml(
          'content',
          { type: 'xhtml' },
          xml('div', { xmlns: 'http://www.w3.org/1999/xhtml' }, xml('p', {}, 'Some '), 'text'),
        ),
      }),
    ];
    const { texts } = structure(renderFeedRows({ address: ADDRESS, items, total: 3, now: NOW })!);
    expect(texts).toContain('Only a title');
    expect(texts).toContain(`${long.slice(0, 89).trimEnd()}…`); // the title: 90 characters
    expect(texts).toContain(`${long.slice(0, 319).trimEnd()}…`); // the excerpt: 320
    expect(texts).toContain('With XHTML');
    expect(texts).toContain('Some text');
  });

  it('stops at the first item that is not a parsed post, and gives nothing for none', () => {
    const broken = { ...post({ id: 'broken' }), parsed: undefined };
    const items = [post({ id: 'one' }), broken, post({ id: 'three' })];
    const html = renderFeedRows({ address: ADDRESS, items, total: 3, now: NOW })!;
    expect(html.match(/<article /gu)).toHaveLength(1);
    expect(
      renderFeedRows({ address: ADDRESS, items: [broken], total: 1, now: NOW }),
    ).toBeUndefined();
    expect(renderFeedRows({ address: ADDRESS, items: [], total: 0, now: NOW })).toBeUndefined();
  });
});
