import { useEffect } from 'preact/hooks';
import { formatDateTime, formatRelative } from '../../format/relativeTime';
import { now, useClockTick } from '../../state/clock';

/** "3 min ago" in a <time> with the full date as its title; it keeps itself current. */
export function RelativeTime({ at, prefix = '' }: { at: number; prefix?: string }) {
  useEffect(() => useClockTick(), []);
  return (
    <time dateTime={new Date(at).toISOString()} title={formatDateTime(at)}>
      {prefix}
      {formatRelative(at, now.value)}
    </time>
  );
}
