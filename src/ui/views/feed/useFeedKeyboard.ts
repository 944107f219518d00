import { useEffect, useRef } from 'preact/hooks';

interface Options {
  total: number;
  cursor: () => number | undefined;
  /** Moves the keyboard cursor to `index` and brings it into view. */
  moveTo: (index: number) => void;
  open: (index: number) => void;
  back: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Feed shortcuts, as in mail and feed readers: j next item, k previous item, Enter opens the
 * current item (a focused row's link opens by itself), Escape goes back. Ignored while typing
 * or with a modifier, so browser and assistive-technology shortcuts keep working.
 */
export function useFeedKeyboard(options: Options): void {
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (
        event.defaultPrevented ||
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        isTyping(event.target)
      )
        return;
      const { total, moveTo, open, back } = latest.current;
      const cursor = latest.current.cursor();
      if ((event.key === 'j' || event.key === 'k') && total > 0) {
        event.preventDefault();
        const next = cursor === undefined ? 0 : cursor + (event.key === 'j' ? 1 : -1);
        moveTo(Math.max(0, Math.min(total - 1, next)));
      } else if (event.key === 'Enter' && cursor !== undefined) {
        // Other links and buttons keep their own Enter; a row's link opens the cursor's item,
        // which is the same one unless keys outran the focus.
        const control =
          event.target instanceof HTMLElement ? event.target.closest('a, button, summary') : null;
        if (control && !control.classList.contains('row-link')) return;
        event.preventDefault();
        open(cursor);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        back();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
    };
  }, []);
}
