import { useEffect, useRef } from 'preact/hooks';

/**
 * Focus management on navigation: a new view moves focus to its heading (tabIndex -1) so screen
 * readers announce it and Tab starts from it; the document title follows. The first view of a
 * page load keeps the browser's own focus.
 */
let firstView = true;

export function useViewHeading(
  title: string,
  options: { focus?: boolean; scrollTop?: boolean } = {},
) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Satchel`;
  }, [title]);
  useEffect(() => {
    if (options.scrollTop !== false) window.scrollTo(0, 0);
    if (firstView) {
      firstView = false;
      return;
    }
    if (options.focus !== false) ref.current?.focus({ preventScroll: true });
  }, []);
  return ref;
}
