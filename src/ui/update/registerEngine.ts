/**
 * Registers the engine (the service worker, /sw.js) once the page has loaded, so its install
 * (the whole app shell) does not compete with the page's own loading: what workbox-window's
 * `register()` did, without its 1.8 KB gzip at start.
 */
export async function registerEngine(
  container: ServiceWorkerContainer,
): Promise<ServiceWorkerRegistration> {
  if (document.readyState !== 'complete')
    await new Promise((resolve) => addEventListener('load', resolve, { once: true }));
  return container.register('/sw.js', { type: 'classic' });
}
