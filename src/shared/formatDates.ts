/**
 * Dates as the feed's rows show them, in the browser's locale and time zone: shared by the page
 * and the worker's pre-rendered rows, which must say the same. The formatters are made on first
 * use: the worker loads this module at every start, and most starts format nothing.
 */
const OPTIONS = {
  sameYear: { day: 'numeric', month: 'short' },
  otherYear: { day: 'numeric', month: 'short', year: 'numeric' },
  timeOnly: { hour: '2-digit', minute: '2-digit' },
  full: { dateStyle: 'medium', timeStyle: 'short' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
const made: Partial<Record<keyof typeof OPTIONS, Intl.DateTimeFormat>> = {};

function format(kind: keyof typeof OPTIONS, date: Date): string {
  return (made[kind] ??= new Intl.DateTimeFormat(undefined, OPTIONS[kind])).format(date);
}

/** A compact date for lists: the time today, "26 Nov" this year, "26 Nov 2025" before. */
export function formatDay(epochMs: number, now: number): string {
  const date = new Date(epochMs);
  const today = new Date(now);
  if (date.toDateString() === today.toDateString()) return format('timeOnly', date);
  return format(date.getFullYear() === today.getFullYear() ? 'sameYear' : 'otherYear', date);
}

/** The full date and time, for titles and item pages. */
export function formatDateTime(epochMs: number): string {
  return format('full', new Date(epochMs));
}
