/// <reference lib="webworker" />
import { PERIODIC_REFRESH_TAG } from '../shared/periodicRefreshTag';
import { OUTBOX_SYNC_TAG } from './backgroundSync';
import { createPrecache, type PrecacheEntry } from './createPrecache';
import { prerenderFeed } from './prerender/prerenderFeed';
import { startEngine } from './startEngine';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: PrecacheEntry[];
};

// The app shell (HTML, JS, CSS, icons, manifest), precached at install: the list is the build's
// (vite-plugin-pwa inject-manifest replaces `self.__WB_MANIFEST`).
const precache = createPrecache(
  self.caches,
  (request) => fetch(request),
  self.location.href,
  self.__WB_MANIFEST,
);
// The engine (database, session) starts only in an active worker: a new deployment waiting to
// take over must not open the database (its upgrade would close it under the running worker)
// nor a second XMPP session. It starts on activation, or after the browser restarted an already
// active worker, on the first message or a navigation to a feed (only an active worker gets
// fetch events).
let engine: ReturnType<typeof startEngine> | undefined;
const getEngine = (): ReturnType<typeof startEngine> => (engine ??= startEngine(self));

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const cached = precache.match(request);
  if (cached) event.respondWith(cached);
  // Every other in-app URL (/feed/..., /search?...) is the same single page: serve the cached
  // shell so a reload of any view works offline; a cached feed's first rows come in it
  // (prerenderFeed.ts).
  else if (request.mode === 'navigate' && !url.pathname.startsWith('/.well-known/'))
    event.respondWith(prerenderFeed(url, precache.shell, () => getEngine().prerenderSource));
});

self.addEventListener('install', (event) => {
  // First install: take control at once. An update waits until the user accepts it, so an open
  // tab never runs against an engine of another deployment without being told.
  if (!self.registration.active) void self.skipWaiting();
  event.waitUntil(precache.install());
});

self.addEventListener('activate', (event) => {
  // Not waiting for the engine here: an activating worker holds back every fetch, and a database
  // upgrade blocked by an old tab would then hold back the page that explains it. Pages connect
  // right after and their messages keep the worker alive while the engine starts.
  event.waitUntil(Promise.all([self.clients.claim(), precache.activate()]));
  getEngine();
});

self.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown } | null;
  // 'SKIP_WAITING': the user accepted the update (src/ui/update/watchForUpdates.ts).
  if (data?.type === 'SKIP_WAITING') {
    event.waitUntil(self.skipWaiting());
    return;
  }
  // A waiting worker gets no page traffic except the skip request above; guard anyway.
  const state = (self as { serviceWorker?: ServiceWorker }).serviceWorker?.state;
  if (state === 'installing' || state === 'installed') return;
  const source = event.source instanceof Client ? event.source : null;
  event.waitUntil(getEngine().onControllerMessage(event.data, event.ports, source));
});

// Periodic Background Sync (Chromium, installed app): reconnect and catch up synced nodes.
// The event is not in TypeScript's lib yet: the generic string overload takes it.
self.addEventListener('periodicsync', (event: Event) => {
  const sync = event as ExtendableEvent & { tag?: string };
  if (sync.tag === PERIODIC_REFRESH_TAG) sync.waitUntil(getEngine().refresh());
});

// Background Sync (Chromium): the browser wakes the worker once it is online to send the outbox
// (issue 17); a rejection asks it to try again later. Elsewhere the outbox goes out when the
// session comes back. Not in TypeScript's lib either.
self.addEventListener('sync', (event: Event) => {
  const sync = event as ExtendableEvent & { tag?: string };
  if (sync.tag === OUTBOX_SYNC_TAG) sync.waitUntil(getEngine().syncOutbox());
});
