import type { BenchResults, TargetCheck } from './BenchResults';

/** The limits of issue 8, checked against one run's numbers. */
export function checkTargets(results: Omit<BenchResults, 'targets'>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const add = (
    name: string,
    value: number | undefined,
    unit: string,
    limit: number,
    target: string,
  ) => {
    if (value !== undefined && Number.isFinite(value))
      checks.push({ name, value, unit, target, met: value <= limit });
  };
  add('sync / fetch-only time', results.sync?.ratio, '×', 1.3, '≤ 1.3');
  add('sync / fetch-only, fresh profile', results.syncFreshProfile?.ratio, '×', 1.3, '≤ 1.3');
  add('cached read p50', results.cachedRead?.cache.p50, 'ms', 5, '≤ 5 ms');
  add('cached / server read (p50)', results.cachedRead?.ratio, '×', 0.1, '≤ 0.1');
  add('cold offline start / static page', results.coldStart?.ratio, '×', 2, '≤ 2');
  for (const row of results.bundle ?? [])
    if (row.limitKb !== undefined)
      add(`bundle: ${row.name}`, row.kb, 'KB', row.limitKb, `≤ ${row.limitKb} KB`);
  const empty = results.memory.find((p) => p.cachedItems === 0);
  // The last point with 100,000 or more: after the reads and searches touched them.
  const full = results.memory.filter((p) => p.cachedItems >= 100_000).at(-1);
  if (empty && full) {
    // "Must not hold every item": 100,000 posts of ~2.2 KB are ~220 MB of XML alone.
    const growthMb = (full.usedBytes - empty.usedBytes) / 1048576;
    add(
      'worker heap growth with 100,000 posts cached',
      Math.round(growthMb * 10) / 10,
      'MB',
      22,
      '≪ the items (≤ 10% of their ~220 MB)',
    );
  }
  return checks;
}
