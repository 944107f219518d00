import { itemHref } from '../../shared/appPaths';
import { formatDateTime, formatDay } from '../../shared/formatDates';
import { asMicroblogItem } from '../../shared/microblogEntry';
import { microblogRowSummary } from '../../shared/microblogRowSummary';
import { plural } from '../../shared/plural';
import { PRERENDERED_FEED_ID } from '../../shared/prerenderedFeedId';
import type { ItemView, NodeAddress } from '../../shared/protocol';
import { markupText } from '../../search/markupText';
import { escapeHtml as e } from './escapeHtml';

interface Feed {
  address: NodeAddress;
  items: readonly ItemView[];
  total: number;
  now: number;
}

/**
 * A feed's first rows as HTML for the navigation response, with the markup, classes and text of
 * ui/views/feed/FeedRow.tsx (the page's own rows replace them as soon as they render). Remote
 * content is hostile: only text comes from items, and every string is escaped, attribute values
 * included. Unlike FeedRow there is no `style` (the CSP forbids the attribute): the block's list
 * stacks its rows (styles.css, `.prerendered`). Stops at the first item that is not a parsed
 * post, which only the page can summarise (from its XML, with a DOM). Undefined: no rows.
 *
 * HTML content becomes text without a DOM (the worker has none) through search's reducer, which
 * never throws. Unlike the page's (ui/safety/markupToText.ts) it turns every tag into a space,
 * inline ones too: an HTML excerpt may read "a , b" where the page says "a, b", until the page's
 * own row replaces it. Plain-text and XHTML posts (their text is kept at parse time) read alike.
 */
export function renderFeedRows({ address, items, total, now }: Feed): string | undefined {
  let rows = '';
  for (const [i, item] of items.entries()) {
    const entry = asMicroblogItem(item);
    if (!entry) break;
    const row = microblogRowSummary(entry, item, markupText);
    const unread = item.read === false;
    const time = row.time;
    rows +=
      `<article class="feed-row${unread ? ' unread' : ''}" aria-posinset="${i + 1}" aria-setsize="${total}" aria-labelledby="row-title-${i}" data-index="${i}" data-item-id="${e(item.id)}" data-read="${!unread}">` +
      `<h2 class="row-title" id="row-title-${i}">${unread ? '<span class="unread-dot" role="img" aria-label="Unread"></span>' : ''}` +
      `<a class="row-link" href="${e(itemHref(address, item.id))}" tabindex="${i === 0 ? 0 : -1}">${e(row.title)}</a></h2>` +
      (time === undefined
        ? ''
        : `<time class="row-time" datetime="${new Date(time).toISOString()}" title="${e(formatDateTime(time))}">${e(formatDay(time, now))}</time>`) +
      `<p class="row-excerpt">${e(row.excerpt)}</p><p class="row-meta"><span class="row-byline">${e(row.byline)}</span>` +
      row.tags.map((tag) => `<span class="tag">#${e(tag)}</span>`).join('') +
      (row.comments ? '<span class="row-flag">Comments</span>' : '') +
      (row.attachments > 0
        ? `<span class="row-flag">${e(plural(row.attachments, 'attachment'))}</span>`
        : '') +
      '</p></article>';
  }
  return rows
    ? `<div id="${PRERENDERED_FEED_ID}" class="prerendered-feed"><div class="feed-list prerendered" role="feed" aria-label="Posts, newest first" aria-busy="false">${rows}</div></div>`
    : undefined;
}
