import type { ComponentProps, ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { SafeHtml } from './SafeHtml';

type Props = ComponentProps<typeof SafeHtml>;

/**
 * Sanitized HTML, with the sanitizer (DOMPurify, ~9 KB) loaded on first use: it stays out of the
 * start-up bundle (the page budget) and is precached, so items still render offline. Until it
 * arrives the markup is not shown at all — never unsanitized.
 */
export function LazySafeHtml(props: Props) {
  const [View, setView] = useState<ComponentType<Props> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    import('./SafeHtml').then(
      (module) => live && setView(() => module.SafeHtml),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  if (View) return <View {...props} />;
  return (
    <p class="muted" role="status">
      {failed ? 'This content could not be displayed.' : 'Loading content…'}
    </p>
  );
}
