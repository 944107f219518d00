import type { NodeAddress } from './protocol';

/**
 * The encoding of the app's URLs (the routes are in ui/router/paths.ts). Shared because the
 * worker reads feed URLs and writes item links when it pre-renders a feed's first rows. Node
 * names carry ':' and '/' (XEP-0277 comment nodes are `urn:xmpp:microblog:0:comments/ID`):
 * each part is one percent-encoded path segment, with ':' and '@' left readable.
 */
export function encodeSegment(value: string): string {
  return encodeURIComponent(value).replace(/%3A/giu, ':').replace(/%40/gu, '@');
}

/** The path's non-empty segments, decoded; null for a malformed escape (no view has that URL). */
export function decodeSegments(pathname: string): string[] | null {
  try {
    return pathname
      .split('/')
      .filter((segment) => segment !== '')
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
}

export const feedHref = (address: NodeAddress): string =>
  `/feed/${encodeSegment(address.service)}/${encodeSegment(address.node)}`;

export const itemHref = (address: NodeAddress, id: string): string =>
  `${feedHref(address).replace(/^\/feed\//u, '/item/')}/${encodeSegment(id)}`;
