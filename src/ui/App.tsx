import { useLayoutEffect } from 'preact/hooks';
import { AppHeader } from './components/AppHeader';
import { RouteView } from './components/RouteView';
import { SignInForm } from './components/SignInForm';
import { StorageBanner } from './components/StorageBanner';
import { StorageWarning } from './install/StorageWarning';
import { prerenderedFeed } from './prerender/prerenderedFeed';
import { UpdateBanner } from './update/UpdateBanner';
import { currentPath } from './router/navigation';
import { parseRoute } from './router/paths';
import { connection, signingIn, workerBuild } from './state/appState';
import { LoadingState } from './views/common/LoadingState';

/**
 * The shell: banner, navigation, main. The URL names the view; signed out, any URL shows the
 * sign-in form and then the view it names. Until the engine first answers and knows whether an
 * account is stored, a wait is shown rather than a sign-in form that might not be needed.
 */
export function App() {
  const route = parseRoute(currentPath.value.split('?')[0] ?? '/');
  const { status } = connection.value;
  // The form stays mounted while its own sign-in is connecting, so its error survives.
  const signedOut = status === 'signedOut' || signingIn.value;
  const waiting = workerBuild.value === undefined || connection.value.restoring;
  // Rows the worker pre-rendered for this URL stay only on the way to the feed view's own rows.
  useLayoutEffect(() => {
    if (!waiting && (signedOut || route.name !== 'feed')) prerenderedFeed.drop();
  });
  const section =
    route.name === 'browse' || route.name === 'service'
      ? 'browse'
      : route.name === 'notFound'
        ? 'other'
        : 'feeds';
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader section={section} />
      <UpdateBanner />
      <StorageWarning />
      <StorageBanner />
      <main id="main" tabIndex={-1}>
        {waiting ? (
          prerenderedFeed.shown.value ? null : (
            <LoadingState label="Starting Satchel…" />
          )
        ) : signedOut ? (
          <SignInForm />
        ) : (
          <RouteView route={route} />
        )}
      </main>
    </>
  );
}
