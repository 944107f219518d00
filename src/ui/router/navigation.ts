import { signal } from '@preact/signals';

/** The current path and query; written only here, from navigate() and popstate. */
export const currentPath = signal(location.pathname + location.search);

/** What a pushed entry remembers: the path it was opened from (so Escape can go back to it). */
interface EntryState {
  from?: string;
}

/** Client-side navigation: history.pushState and the signal the App renders from. */
export function navigate(href: string, options: { replace?: boolean } = {}): void {
  const url = new URL(href, location.href);
  const path = url.pathname + url.search;
  if (path === currentPath.value) return;
  const state: EntryState = { from: currentPath.value };
  if (options.replace) history.replaceState(state, '', path);
  else history.pushState(state, '', path);
  currentPath.value = path;
}

/** Goes back when the previous entry is `expected` (so the view there keeps its history),
 * otherwise navigates to it (the page was opened on this URL directly). */
export function goBackTo(expected: string): void {
  const state = history.state as EntryState | null;
  if (state?.from === expected) history.back();
  else navigate(expected);
}

/** Listens to the browser's back and forward buttons. Views restore their own scroll. */
export function startRouter(): void {
  history.scrollRestoration = 'manual';
  addEventListener('popstate', () => {
    currentPath.value = location.pathname + location.search;
  });
}
