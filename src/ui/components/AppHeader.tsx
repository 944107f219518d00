import { useLayoutEffect, useRef } from 'preact/hooks';
import { Link } from '../router/Link';
import { currentPath } from '../router/navigation';
import { browseHref, homeHref, manageHref, searchPageHref } from '../router/paths';
import { connection } from '../state/appState';
import { InstallButton } from '../install/InstallButton';
import { AccountMenu } from './AccountMenu';
import { ConnectionStatus } from './ConnectionStatus';

/** The banner: brand, main navigation (when signed in), connection status and account. */
export function AppHeader({ section }: { section: 'feeds' | 'browse' | 'other' }) {
  const signedIn =
    connection.value.status !== 'signedOut' && connection.value.account !== undefined;
  const header = useRef<HTMLElement>(null);
  const tool = /^\/(search|manage)(?:[/?]|$)/u.exec(currentPath.value)?.[1];
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
          <Link
            href={homeHref()}
            aria-current={section === 'feeds' && tool === undefined ? 'page' : undefined}
          >
            Feeds
          </Link>
          <Link href={browseHref()} aria-current={section === 'browse' ? 'page' : undefined}>
            Browse
          </Link>
          <Link href={searchPageHref()} aria-current={tool === 'search' ? 'page' : undefined}>
            Search
          </Link>
          <Link href={manageHref()} aria-current={tool === 'manage' ? 'page' : undefined}>
            Manage
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
