import { formatDay } from '../../shared/formatDates';

export { formatDateTime, formatDay } from '../../shared/formatDates';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "3 min ago", "2 h ago", "yesterday", "5 days ago", then the date. */
export function formatRelative(epochMs: number, now: number): string {
  const age = now - epochMs;
  if (age < 45_000) return 'just now';
  if (age < HOUR) return `${Math.round(age / MINUTE)} min ago`;
  if (age < DAY) return `${Math.round(age / HOUR)} h ago`;
  if (age < 2 * DAY) return 'yesterday';
  if (age < 7 * DAY) return `${Math.floor(age / DAY)} days ago`;
  return formatDay(epochMs, now);
}
