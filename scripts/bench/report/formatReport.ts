import { median, round } from '../lib/stats';
import type { BenchResults } from './BenchResults';
import { mark, mb, ms, p50p95 } from './formatHelpers';
import { formatCatchUp } from './formatCatchUp';
import { formatSearch } from './formatSearch';

/** The run as Markdown: the summary table, search and memory tables. Printed and appended to
 * docs/benchmarks.md. */
export function formatReport(r: BenchResults): string {
  const m = r.machine;
  const target = (name: string) => r.targets.find((t) => t.name === name);
  const lines: string[] = [
    `### Run ${r.date.replace('T', ' ').replace(/\.\d+Z$/u, ' UTC')}`,
    '',
    `Machine: ${m.nproc} CPUs (${m.cpuModel}), ${m.memoryGb} GB, load ${m.loadAverage} at start; ` +
      `Node ${m.node}, ${m.chromium}, ${m.prosody}; commit ${m.commit}. ` +
      `Run took ${Math.round(r.durationSeconds)} s${r.seed.seededNow ? ` (+ seeding ${Math.round(r.seed.seedMs / 1000)} s)` : ''}.`,
    '',
    '| Measure | Result | Target | |',
    '| --- | --- | --- | --- |',
  ];
  const row = (name: string, result: string, t?: string, met?: boolean) =>
    lines.push(`| ${name} | ${result} | ${t ?? ''} | ${mark(met)} |`);
  const checked = (name: string, label: string, result: string) => {
    const t = target(name);
    row(label, result, t?.target, t?.met);
  };
  const s = r.sync;
  if (s) {
    row(
      `Sync ${s.items.toLocaleString('en')} posts (follow → completed)`,
      `${p50p95(s.sync.totalMs)}; ${s.sync.itemsPerSecond} items/s`,
    );
    row(
      'Fetch the same without storing (disco#items + getItems by id, useCache: false)',
      `${p50p95(s.fetchOnly.totalMs)}; ${s.fetchOnly.itemsPerSecond} items/s`,
    );
    checked('sync / fetch-only time', 'Ratio sync / fetch-only (medians)', `${s.ratio}`);
    row('… follow → words indexed (the indexer runs after the sync)', p50p95(s.indexed.totalMs));
    row('… ratio sync and word index / fetch-only', `${s.ratioIndexed}`);
    const cpu = (runs: Array<{ cpu: Record<string, number> }>): string =>
      ['renderer', 'browser', 'storage', 'network', 'prosody']
        .map((label) => [label, median(runs.map((r) => r.cpu[label] ?? 0))] as const)
        .filter(([, value]) => value > 0)
        .map(([label, value]) => `${label} ${(value / 1000).toFixed(1)} s`)
        .join(', ');
    row('… CPU time per run, sync (medians)', cpu(s.sync.runs));
    row('… CPU time per run, fetch-only (medians)', cpu(s.fetchOnly.runs));
    const probe = s.storeProbe;
    if (probe)
      row(
        `… per ${probe.items} posts, in the page on the same database`,
        `parse ${ms(round(probe.parseMs))}, rows ${ms(round(probe.rowsMs))}, ` +
          `itemStore.upsertItems ${ms(round(probe.upsertMs))} (raw put of the rows alone ${ms(round(probe.rawItemsPutMs))}), ` +
          (probe.upsertQueuedMs === undefined
            ? ''
            : `words queued as a sync does ${ms(round(probe.upsertQueuedMs))}, then indexed ${ms(round(probe.indexQueuedMs ?? 0))}, tokenizing ${ms(round(probe.wordsMs ?? 0))}, ` +
              `raw put of the rows and their docs ${ms(round(probe.rawItemsAndDocsPutMs ?? 0))}, `) +
          `clone as ItemViews ${ms(round(probe.cloneMs))}`,
      );
    if (s.ratioWithoutNodeCounts !== undefined)
      row(
        'Same ratio, fetch-only less its per-request node counts (100 × getNode p50)',
        `${s.ratioWithoutNodeCounts}`,
      );
  }
  const f = r.syncFreshProfile;
  if (f) {
    row(
      `Sync ${f.items.toLocaleString('en')} posts in a fresh profile (nothing else cached)`,
      `${p50p95(f.sync.totalMs)}; ${f.sync.itemsPerSecond} items/s`,
    );
    row('Fetch-only in that profile', p50p95(f.fetchOnly.totalMs));
    checked(
      'sync / fetch-only, fresh profile',
      'Ratio sync / fetch-only, fresh profile',
      `${f.ratio}`,
    );
    row('… follow → words indexed, fresh profile', p50p95(f.indexed.totalMs));
    row('… ratio sync and word index / fetch-only, fresh profile', `${f.ratioIndexed}`);
  }
  const c = r.cachedRead;
  if (c) {
    checked('cached read p50', 'Cached read, newest 20 of 10,000 (RPC)', p50p95(c.cache));
    row('Same page from the server (useCache: false)', p50p95(c.server));
    checked('cached / server read (p50)', 'Ratio cached / server (p50)', `${c.ratio}`);
    const idb = c.breakdown.idb;
    row('… of which: cache.getNode (node view with counts) alone', p50p95(c.breakdown.getNodeRpc));
    row(
      '… raw IndexedDB, 10,000-post node (medians)',
      `count by primary key ${ms(round(idb.countByPrimaryKey))}, by created index ${ms(round(idb.countByCreatedIndex))}, ` +
        `unread index ${ms(round(idb.countUnread))}; newest 20 rows ${ms(round(idb.newest20Rows))}; ` +
        `clone 20 rows ${ms(round(idb.clone20Rows))} (${idb.rowJsonChars} chars/row)`,
    );
  }
  const l = r.live;
  if (l) {
    row('Live: publish → worker `items` event in the page', p50p95(l.toItemsEvent));
    row('Live: publish → "N new posts" in the DOM', p50p95(l.toDom));
    row('Live: publish → next frame', p50p95(l.toFrame), 'p50 reported');
  }
  const cs = r.coldStart;
  if (cs) {
    row(
      'Cold offline start: navigation → first row (frame)',
      `${p50p95(cs.app.firstRowFrame)}; FCP p50 ${ms(cs.app.firstContentfulPaint.p50)}`,
    );
    row(
      'Static page, same 20 posts: navigation → first row (frame)',
      p50p95(cs.staticPage.firstRowFrame),
    );
    checked('cold offline start / static page', 'Ratio cold start / static (p50)', `${cs.ratio}`);
  }
  for (const b of r.bundle ?? [])
    checked(`bundle: ${b.name}`, `Bundle: ${b.name} (gzip)`, `${b.kb} KB`);
  for (const point of r.memory)
    row(
      `Worker heap, ${point.label}`,
      `${mb(point.usedBytes)} after GC (${mb(point.usedBeforeGcBytes)} before)`,
    );
  const h = target('worker heap growth with 100,000 posts cached');
  if (h) row('Worker heap growth with 100,000 posts cached', `${h.value} MB`, h.target, h.met);
  lines.push('');
  if (r.catchUp) lines.push(...formatCatchUp(r.catchUp));
  if (r.search) lines.push(...formatSearch(r.search));
  for (const f of r.failures) lines.push(`Failed: ${f}`, '');
  return lines.join('\n');
}
