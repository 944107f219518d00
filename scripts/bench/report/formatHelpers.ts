import type { Summary } from '../lib/stats';

export const ms = (v: number): string =>
  !Number.isFinite(v) ? '–' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${v} ms`;
export const p50p95 = (s: Summary): string => `p50 ${ms(s.p50)}, p95 ${ms(s.p95)} (n=${s.n})`;
export const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;
export const mark = (met: boolean | undefined): string =>
  met === undefined ? '' : met ? 'met' : '**missed**';
