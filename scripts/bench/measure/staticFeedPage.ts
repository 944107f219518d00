import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RowSummary } from '../../../src/ui/format/rowSummary';

const escapeHtml = (text: string): string =>
  text
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;');

function row(summary: RowSummary & { id: string }, index: number): string {
  const time =
    summary.time === undefined
      ? ''
      : `<time class="row-time" datetime="${new Date(summary.time).toISOString()}">${new Date(summary.time).toDateString()}</time>`;
  const tags = summary.tags.map((tag) => `<span class="tag">#${escapeHtml(tag)}</span>`).join('');
  return `<article class="feed-row" data-index="${index}" data-item-id="${escapeHtml(summary.id)}">
<h2 class="row-title"><a class="row-link" href="#">${escapeHtml(summary.title)}</a></h2>${time}
<p class="row-excerpt">${escapeHtml(summary.excerpt)}</p>
<p class="row-meta"><span class="row-byline">${escapeHtml(summary.byline)}</span>${tags}</p>
</article>`;
}

/**
 * The comparison page of the cold start: the same 20 posts as the feed's rows (the app's own
 * row summaries and stylesheet), as plain server-rendered HTML with no script. The app's CSS
 * places rows by a `--i` property the app sets inline; a small stylesheet sets it here,
 * since the CSP allows no inline style.
 */
export function writeStaticFeedPage(
  dir: string,
  appDist: string,
  title: string,
  rows: Array<RowSummary & { id: string }>,
): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'assets'), { recursive: true });
  const css = readdirSync(join(appDist, 'assets')).filter((f) => f.endsWith('.css'));
  for (const file of css) copyFileSync(join(appDist, 'assets', file), join(dir, 'assets', file));
  const positions = rows.map((_, i) => `.feed-row:nth-child(${i + 1}) { --i: ${i}; }`).join('\n');
  writeFileSync(
    join(dir, 'assets', 'static-feed.css'),
    `.feed-list { --rows: ${rows.length}; }\n${positions}\n`,
  );
  const links = [...css, 'static-feed.css']
    .map((file) => `<link rel="stylesheet" href="/assets/${file}">`)
    .join('\n');
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${links}
</head>
<body>
<main id="main"><div class="view feed"><h1>${escapeHtml(title)}</h1>
<div class="feed-list" role="feed">
${rows.map(row).join('\n')}
</div></div></main>
</body>
</html>
`,
  );
}
