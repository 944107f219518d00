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

const sameYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const otherYear = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A compact date for lists: the time today, "26 Nov" this year, "26 Nov 2025" before. */
export function formatDay(epochMs: number, now: number): string {
  const date = new Date(epochMs);
  const today = new Date(now);
  if (date.toDateString() === today.toDateString()) return timeOnly.format(date);
  return date.getFullYear() === today.getFullYear()
    ? sameYear.format(date)
    : otherYear.format(date);
}

/** The full date and time, for titles and item pages. */
export function formatDateTime(epochMs: number): string {
  return full.format(new Date(epochMs));
}
