import type { CatchUpResult } from '../measure/measureCatchUp';
import { FETCH, LISTING, type Bytes } from '../lib/tallyStanzas';
import { ms, p50p95 } from './formatHelpers';

const kb = (bytes: number): string =>
  bytes >= 1048576 ? `${(bytes / 1048576).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
const upDown = (b: Bytes): string => `${kb(b.toServer)} up, ${kb(b.toClient)} down`;
/** One value when every run agrees (the counts are deterministic), else each run's. */
const perRun = (values: string[]): string =>
  new Set(values).size === 1 ? `${values[0] ?? ''} (every run)` : values.join('; ');
const kinds = (iqs: Record<string, number>): string =>
  Object.entries(iqs)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');

/** The catch-up measurement (issue 14) as a Markdown table of its own. */
export function formatCatchUp(c: CatchUpResult): string[] {
  const { added, edited, retracted } = c.changes;
  const lines = [
    `Catch-up after an absence (issue 14): the ${c.nodeItems.toLocaleString('en')}-post node, ` +
      `${added + edited + retracted} changes while away (${added} new, ${edited} edited, ${retracted} retracted); ` +
      `${c.method.away}. IQs and bytes: ${c.method.counting}.`,
    '',
    '| Measure | Result |',
    '| --- | --- |',
  ];
  const row = (name: string, result: string) => lines.push(`| ${name} | ${result} |`);
  row(
    'Catch-up: session online → node converged (page events)',
    `${p50p95(c.onlineToConverged)}; runs ${c.runs.map((r) => ms(r.onlineToConvergedMs)).join(', ')}`,
  );
  row(
    '… on the worker clock (online `since` → `lastSyncAt`)',
    c.runs.map((r) => ms(r.workerOnlineToConvergedMs)).join(', '),
  );
  row(
    'Catch-up IQs on the node (listing + fetch by id)',
    perRun(
      c.runs.map(
        (r) =>
          `${r.wire.nodeIqs} (${kinds(pickNode(r.wire.iqsSent))}; ${r.wire.idsFetched} ids fetched)`,
      ),
    ),
  );
  row('… their bytes on the wire', perRun(c.runs.map((r) => upDown(r.wire.nodeBytes))));
  row(
    '… of the time, waiting for Prosody (request → answer at the proxy)',
    c.runs
      .map((r) => `listing ${ms(r.wire.nodeWaitMs.listing)}, fetch ${ms(r.wire.nodeWaitMs.fetch)}`)
      .join('; '),
  );
  row(
    'Network back → converged, everything (reconnect, login, catch-up)',
    perRun(c.runs.map((r) => `${upDown(r.wire.bytes)}; IQs sent: ${kinds(r.wire.iqsSent)}`)),
  );
  row(
    'Full re-fetch instead (listing + every item by id, 100 a request)',
    `${p50p95(c.fullFetchMs)}; ${perRun(c.fullFetch.map((f) => `${f.wire.nodeIqs} IQs, ${upDown(f.wire.nodeBytes)}`))}`,
  );
  row(
    'Ratio catch-up / full re-fetch (medians)',
    `time ${c.ratio.time}, IQs ${c.ratio.iqs}, bytes ${c.ratio.bytes} (${(c.ratio.bytes * 100).toFixed(1)}%)`,
  );
  row(
    'Cache equal to the server after each catch-up',
    `${c.allExact ? 'yes' : '**no**'}: ` +
      c.runs
        .map(
          (r) =>
            `${r.exact.idsEqual ? '=' : '≠'} ${r.exact.cachedIds.toLocaleString('en')} ids, ` +
            `${r.exact.editsSeen}/${edited} edits, count ${r.exact.itemCount.toLocaleString('en')}`,
        )
        .join('; '),
  );
  lines.push('');
  return lines;
}

function pickNode(iqs: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(iqs).filter(([kind]) => kind === LISTING || kind === FETCH),
  );
}
