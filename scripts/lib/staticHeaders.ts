import { extname } from 'node:path';

// Response headers for the built app: types, caching and the security policy.

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

export function mimeType(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** The pages: everything from our own origin, no inline script, no framing. */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // Remote images wait for the reader's choice per feed (src/ui/storage/remoteImages.ts); once
  // made, an http: image must load too (a page served over https gets it upgraded by the
  // browser). Images cannot run code: script-src stays 'self'.
  "img-src 'self' data: blob: https: http:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The service worker's own policy (a worker's CSP comes from its script's response): it is the
 * one that opens the XMPP WebSocket and fetches host-meta (XEP-0156) from the user's server.
 */
export const SERVICE_WORKER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self' ws: wss: https: http://localhost:* http://127.0.0.1:*",
].join('; ');

const NO_CACHE = 'no-cache';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Files that must be revalidated so an update is seen: the shell, the worker, the manifest. */
export function cacheControl(urlPath: string): string {
  // Vite puts content-hashed files under /assets/: their name changes when they do.
  return urlPath.startsWith('/assets/') ? IMMUTABLE : NO_CACHE;
}

/** Headers every response carries, whatever its status. */
export function securityHeaders(urlPath: string): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': urlPath === '/sw.js' ? SERVICE_WORKER_CSP : PAGE_CSP,
  };
}
