import { decodeSegments, encodeSegment } from '../../shared/appPaths';

export { feedHref, itemHref } from '../../shared/appPaths';

/**
 * The app's URLs: the URL is the state, so every view can be reloaded (the worker serves the
 * app shell for any path, also offline). Each part is one percent-encoded path segment
 * (shared/appPaths.ts: the worker reads feed URLs too).
 */
export type Route =
  | { name: 'home' }
  | { name: 'browse' }
  | { name: 'service'; service: string }
  | { name: 'feed'; service: string; node: string }
  | { name: 'item'; service: string; node: string; id: string }
  | { name: 'open'; uri: string }
  | { name: 'search' }
  | { name: 'manage' }
  | { name: 'notFound'; path: string };

export const homeHref = (): string => '/';
export const browseHref = (): string => '/browse';
/** The search view reads its own query string (views/search/searchUrl.ts). */
export const searchPageHref = (): string => '/search';
export const manageHref = (): string => '/manage';
export const serviceHref = (service: string): string => `/browse/${encodeSegment(service)}`;

/** The view a pathname names; anything else is notFound (the shell is served for every path). */
export function parseRoute(pathname: string): Route {
  const parts = decodeSegments(pathname);
  if (!parts) return { name: 'notFound', path: pathname };
  const [head, a, b, c, ...rest] = parts;
  if (rest.length > 0) return { name: 'notFound', path: pathname };
  if (head === undefined) return { name: 'home' };
  if (head === 'open' && a === undefined) return { name: 'open', uri: openUri() };
  if (head === 'search' && a === undefined) return { name: 'search' };
  if (head === 'manage' && a === undefined) return { name: 'manage' };
  if (head === 'browse' && b === undefined)
    return a === undefined ? { name: 'browse' } : { name: 'service', service: a };
  if (head === 'feed' && a !== undefined && b !== undefined && c === undefined)
    return { name: 'feed', service: a, node: b };
  if (head === 'item' && a !== undefined && b !== undefined && c !== undefined)
    return { name: 'item', service: a, node: b, id: c };
  return { name: 'notFound', path: pathname };
}

/** The `uri` query parameter of /open (the protocol handler's target). */
function openUri(): string {
  return new URLSearchParams(location.search).get('uri') ?? '';
}
