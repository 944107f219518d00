import { Link } from '../../router/Link';
import { homeHref } from '../../router/paths';
import { useViewHeading } from './useViewHeading';

/** Any path the app has no view for. */
export function NotFoundView({ path }: { path: string }) {
  const heading = useViewHeading('Page not found');
  return (
    <div class="view state state-empty">
      <h1 ref={heading} tabIndex={-1}>
        Nothing here
      </h1>
      <p class="muted">
        Satchel has no page at <code>{path}</code>.
      </p>
      <p>
        <Link href={homeHref()}>Go to your feeds</Link>
      </p>
    </div>
  );
}
