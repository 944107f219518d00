// Shared with the worker's pre-rendered feed rows, which must say the same.
export { plural } from '../../shared/plural';

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** A size as people read it: "820 bytes", "17.5 MB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit] ?? ''}`;
}
