/**
 * Reads RFC 4287 §3.3 dates (RFC 3339 date-time, e.g. 2008-05-08T18:30:02Z). Computed by hand
 * rather than with Date.parse, whose handling of anything but strict ISO differs by engine.
 * Near misses seen in the wild (no time zone, date only, no seconds, +0200 offsets, a space
 * for 'T') are read with a problem recorded; anything else is a problem and gives no time.
 */
import type { AtomDate } from '../../shared/microblogTypes';

/** RFC 3339 §5.6 date-time ('T' and 'Z' may be lower case, §5.6 NOTE). */
const STRICT = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
const LENIENT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*([Zz]|[+-]\d{2}:?\d{2})?$/;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Offset in minutes east of UTC, from 'Z', '+02:00' or '+0200'. */
function offsetMinutes(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/** Reads `raw`; `label` names the element in problems. */
export function readAtomDate(raw: string, label: string, problems: string[]): AtomDate {
  const text = raw.trim();
  const result: AtomDate = { raw: text };
  const shown = text.length > 64 ? `${text.slice(0, 64)}…` : text;
  const match = LENIENT.exec(text);
  if (match === null) {
    problems.push(`${label}: "${shown}" is not an RFC 3339 date`);
    return result;
  }
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction, zone] = match;
  const [Y, M, D, h, m, s] = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (M < 1 || M > 12 || D < 1 || D > daysInMonth(Y, M) || h > 23 || m > 59 || s > 60) {
    problems.push(`${label}: "${shown}" is not a valid date`);
    return result;
  }
  if (match[4] === undefined)
    problems.push(`${label}: "${shown}" has no time; midnight UTC assumed`);
  else if (zone === undefined) problems.push(`${label}: "${shown}" has no time zone; UTC assumed`);
  else if (!STRICT.test(text))
    problems.push(`${label}: "${shown}" is not strict RFC 3339; read anyway`);

  const milliseconds = fraction === undefined ? 0 : Number(fraction.slice(1, 4).padEnd(3, '0'));
  // A leap second (:60) counts as the last second of its minute.
  const date = new Date(Date.UTC(2000, M - 1, D, h, m, Math.min(s, 59), milliseconds));
  // Date.UTC maps years 0 to 99 onto 1900 to 1999: set the year explicitly.
  date.setUTCFullYear(Y, M - 1, D);
  const ms = date.getTime() - (zone === undefined ? 0 : offsetMinutes(zone)) * 60_000;
  result.ms = ms;
  result.iso = new Date(ms).toISOString();
  return result;
}
