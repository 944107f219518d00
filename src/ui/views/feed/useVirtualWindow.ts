import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { readRowHeight, visibleRange } from './feedGeometry';

const OVERSCAN = 8;

/**
 * The rows to render: those near the viewport, recomputed on scroll and resize (once per
 * frame). With 5,000 items about 30 rows exist in the DOM at any time.
 */
export function useVirtualWindow(list: RefObject<HTMLElement | null>, total: number) {
  const [rowHeight, setRowHeight] = useState(0);
  const [range, setRange] = useState<[number, number]>([0, Math.min(total, 20) - 1]);

  useLayoutEffect(() => {
    const el = list.current;
    if (!el || total === 0) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const height = readRowHeight(el);
      setRowHeight(height);
      const [first, last] = visibleRange(el, height, total, OVERSCAN);
      setRange((old) => (old[0] === first && old[1] === last ? old : [first, last]));
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(update);
    };
    update();
    addEventListener('scroll', schedule, { passive: true });
    addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      removeEventListener('scroll', schedule);
      removeEventListener('resize', schedule);
    };
  }, [list, total]);

  // A restored scroll position moves the window before any scroll event: recompute after paint.
  useEffect(() => {
    const el = list.current;
    if (el && rowHeight > 0) setRange(visibleRange(el, rowHeight, total, OVERSCAN));
  }, [list, rowHeight, total]);

  return { range, rowHeight };
}
