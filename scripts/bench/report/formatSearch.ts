import type { SearchResult } from '../measure/measureSearch';
import { ms } from './formatHelpers';

/** The search measurements as a Markdown table, with how each size got into the cache. */
export function formatSearch(search: SearchResult): string[] {
  const lines = [
    `Search (search.query: ${search.searchQuery}); times in the page, worker's own time from search.query's tookMs:`,
    '',
    '| Posts | Query | Kind | Via | Matched | p50 | p95 | Worker p50 | n |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const q of search.rows) {
    const matched = q.total === undefined ? '?' : `${q.total}${q.totalExact === false ? '+' : ''}`;
    const worker = q.workerMs ? ms(q.workerMs.p50) : '';
    lines.push(
      `| ${q.size.toLocaleString('en')} | ${q.query} | ${q.kind} | ${q.method} | ${matched} | ${ms(q.ms.p50)} | ${ms(q.ms.p95)} | ${worker} | ${q.ms.n} |`,
    );
  }
  for (const n of search.nodes) {
    const rate =
      n.importMs === undefined
        ? ''
        : ` in ${ms(n.importMs)} (${Math.round(n.size / (n.importMs / 1000))} items/s)`;
    lines.push('', `${n.size.toLocaleString('en')} posts (${n.node}): ${n.how}${rate}.`);
  }
  for (const e of search.errors) lines.push('', `Search error: ${e}`);
  lines.push('');
  return lines;
}
