/// <reference lib="webworker" />
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { startEngine } from './startEngine';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

// The app shell (HTML, JS, CSS, icons, manifest), precached at install (Workbox inject-manifest).
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Every in-app URL (/, /node/..., /search?...) is the same single page: serve the cached shell so
// a reload of any view works offline.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/\.well-known\//u] }),
);

const engine = startEngine(self);

self.addEventListener('install', () => {
  // First install: take control at once. An update waits until the user accepts it (the page
  // sends 'satchel.skipWaiting'), so an open tab never runs against a different engine.
  if (!self.registration.active) void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown } | null;
  if (data?.type === 'satchel.skipWaiting') {
    event.waitUntil(self.skipWaiting());
    return;
  }
  const source = event.source instanceof Client ? event.source : null;
  event.waitUntil(engine.onControllerMessage(event.data, event.ports, source));
});
