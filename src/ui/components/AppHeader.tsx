import { useLayoutEffect, useRef } from 'preact/hooks';
import { Link } from '../router/Link';
import { browseHref, homeHref } from '../router/paths';
import { connection } from '../state/appState';
import { InstallButton } from '../install/InstallButton';
import { AccountMenu } from './AccountMenu';
import { ConnectionStatus } from './ConnectionStatus';

/** The banner: brand, main navigation (when signed in), connection status and account. */
export function AppHeader({ section }: { section: 'feeds' | 'browse' | 'other' }) {
  const signedIn =
    connection.value.status !== 'signedOut' && connection.value.account !== undefined;
  const header = useRef<HTMLElement>(null);
  // Sticky things below the header (the "new posts" control) sit under its real height.
  useLayoutEffect(() => {
    const el = header.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      document.documentElement.style.setProperty('--header-height', `${el.offsetHeight}px`);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
    };
  }, []);
  return (
    <header class="app-header" ref={header} data-sticky-top>
      <Link class="app-title" href={homeHref()} aria-label="Satchel, your feeds">
        <img src="/favicon.svg" alt="" width={22} height={22} />
        Satchel
      </Link>
      {signedIn ? (
        <nav class="main-nav" aria-label="Main">
          <Link href={homeHref()} aria-current={section === 'feeds' ? 'page' : undefined}>
            Feeds
          </Link>
          <Link href={browseHref()} aria-current={section === 'browse' ? 'page' : undefined}>
            Browse
          </Link>
        </nav>
      ) : null}
      <div class="header-end">
        <InstallButton />
        <ConnectionStatus />
        <AccountMenu />
      </div>
    </header>
  );
}
