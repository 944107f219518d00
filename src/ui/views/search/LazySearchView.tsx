import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LoadingState } from '../common/LoadingState';

/** The search view, loaded on first use: it stays out of the start-up bundle (the page budget)
 * and is precached with the rest of the app, so it still opens offline. */
export function LazySearchView() {
  const [View, setView] = useState<ComponentType | null>(null);
  useEffect(() => {
    let live = true;
    import('./SearchView').then(
      (module) => live && setView(() => module.SearchView),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return View ? <View /> : <LoadingState label="Opening search…" />;
}
