import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LoadingState } from '../common/LoadingState';

/** The management view, loaded on first use: it stays out of the start-up bundle (the page budget)
 * and is precached with the rest of the app, so it still opens offline. */
export function LazyManageView() {
  const [View, setView] = useState<ComponentType | null>(null);
  useEffect(() => {
    let live = true;
    import('./ManageView').then(
      (module) => live && setView(() => module.ManageView),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return View ? <View /> : <LoadingState label="Opening the cache manager…" />;
}
