import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { readRowHeight, topRow, viewportOffset, visibleRange } from './feedGeometry';

const OVERSCAN = 8;

/**
 * The rows to render: those near the viewport, recomputed on scroll and resize, once per
 * animation frame and with one layout read. With 5,000 items about 30 rows exist in the DOM.
 * `top` is the row at the top of the viewport as of the last frame, for the reading position
 * (kept in a ref so saving it never forces a layout).
 */
export function useVirtualWindow(list: RefObject<HTMLElement | null>, total: number) {
  const [rowHeight, setRowHeight] = useState(0);
  const [range, setRange] = useState<[number, number]>([0, Math.min(total, 20) - 1]);
  const top = useRef<{ index: number; offset: number } | undefined>(undefined);

  useLayoutEffect(() => {
    const el = list.current;
    if (!el || total === 0) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const height = readRowHeight(el);
      const offset = viewportOffset(el);
      top.current = topRow(offset, height);
      setRowHeight(height);
      const [first, last] = visibleRange(offset, height, total, OVERSCAN);
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
    if (!el || rowHeight === 0) return;
    const offset = viewportOffset(el);
    top.current = topRow(offset, rowHeight);
    setRange(visibleRange(offset, rowHeight, total, OVERSCAN));
  }, [list, rowHeight, total]);

  return { range, rowHeight, top };
}
