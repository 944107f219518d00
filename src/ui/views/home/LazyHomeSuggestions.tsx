import type { ComponentProps, ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { HomeSuggestions } from './HomeSuggestions';

type Props = ComponentProps<typeof HomeSuggestions>;

/**
 * The home sections of what the user follows elsewhere (server subscriptions, contacts'
 * microblogs), loaded after the followed list: they stay out of the start-up bundle (the page
 * budget) and are precached, so home still opens offline. A failed load leaves them out.
 */
export function LazyHomeSuggestions(props: Props) {
  const [View, setView] = useState<ComponentType<Props> | null>(null);
  useEffect(() => {
    let live = true;
    import('./HomeSuggestions').then(
      (module) => live && setView(() => module.HomeSuggestions),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return View ? <View {...props} /> : null;
}
