/**
 * Geometry of the windowed feed list. Every row has the same height (a CSS variable, larger on
 * narrow screens), so an item's place is index × height: the list reserves the full height of
 * the feed at once and nothing shifts as pages arrive. The window scrolls, not an inner box.
 */
const FALLBACK_ROW_HEIGHT = 120;

/** The rows' height in pixels, measured on a row (the CSS gives it in rem: it follows font size). */
export function readRowHeight(list: HTMLElement): number {
  const value = list.querySelector('.feed-row')?.getBoundingClientRect().height;
  return value !== undefined && value > 0 ? value : FALLBACK_ROW_HEIGHT;
}

/** Height covered by the sticky header (and the feed's sticky bar) at the top of the viewport. */
export function stickyHeight(): number {
  let height = 0;
  for (const el of document.querySelectorAll<HTMLElement>('[data-sticky-top]'))
    height += el.getBoundingClientRect().height;
  return height;
}

export function listTop(list: HTMLElement): number {
  return list.getBoundingClientRect().top + window.scrollY;
}

/** How far the top of the visible area (below the sticky header) is into the list, in px. */
export function viewportOffset(list: HTMLElement): number {
  return window.scrollY + stickyHeight() - listTop(list);
}

/** The index of the row at the top of the visible area, and how far it is scrolled past. */
export function topRow(offset: number, rowHeight: number): { index: number; offset: number } {
  if (offset <= 0) return { index: 0, offset: 0 };
  return { index: Math.floor(offset / rowHeight), offset: Math.round(offset % rowHeight) };
}

export function scrollToRow(list: HTMLElement, rowHeight: number, index: number, offset = 0): void {
  const y = listTop(list) + index * rowHeight + offset - stickyHeight();
  window.scrollTo({ top: index === 0 && offset === 0 ? 0 : Math.max(0, y), behavior: 'instant' });
}

/** Scrolls the least needed to show row `index` whole (keyboard navigation). */
export function revealRow(list: HTMLElement, rowHeight: number, index: number): void {
  const top = listTop(list) + index * rowHeight;
  const viewTop = window.scrollY + stickyHeight();
  const viewBottom = window.scrollY + window.innerHeight;
  if (top < viewTop)
    window.scrollTo({ top: Math.max(0, top - stickyHeight() - 8), behavior: 'instant' });
  else if (top + rowHeight > viewBottom)
    window.scrollTo({ top: top + rowHeight - window.innerHeight + 8, behavior: 'instant' });
}

/** Rows from the top of the visible area to its bottom, widened by `overscan` on each side. */
export function visibleRange(
  offset: number,
  rowHeight: number,
  total: number,
  overscan: number,
): [number, number] {
  const first = Math.floor(offset / rowHeight) - overscan;
  const last = Math.ceil((offset + window.innerHeight) / rowHeight) + overscan;
  return [Math.max(0, Math.min(first, total - 1)), Math.max(0, Math.min(last, total - 1))];
}
