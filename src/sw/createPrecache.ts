/** One file of the build's precache list (vite-plugin-pwa's injected `self.__WB_MANIFEST`):
 * a hashed file name has no revision, any other file the hash of its content. */
export interface PrecacheEntry {
  url: string;
  revision: string | null;
}

/** Cache names of the app shell: ours, and Workbox's from the deployments before ours. */
const OURS = 'satchel-shell-';
const OLD = /^workbox-precache-/u;

/** A short hash of the list (FNV-1a): a deployment's files and revisions name its cache. */
function hashOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x1000193);
  return (hash >>> 0).toString(36);
}

/**
 * The app shell (HTML, JS, CSS, icons, manifest), stored at install so the app starts offline,
 * in place of Workbox's precaching and routing (4.5 KB gzip of the worker for this). Each
 * deployment has a cache of its own, named by its list: a new worker fills its cache while the
 * running one still serves from its own, and on activation every other shell cache, Workbox's
 * included, is deleted.
 */
export function createPrecache(
  caches: CacheStorage,
  fetch: (request: Request) => Promise<Response>,
  base: string,
  entries: PrecacheEntry[],
): {
  install(): Promise<void>;
  activate(): Promise<void>;
  /** The stored response for a request of a precached URL (`/` is index.html), or undefined
   * when the URL is not precached; the network if the cache lost it. */
  match(request: Request): Promise<Response> | undefined;
  /** The app shell, index.html. */
  shell: () => Promise<Response>;
} {
  const name = OURS + hashOf(JSON.stringify(entries));
  const urls = new Map(entries.map((e) => [new URL(e.url, base).href, e.revision]));
  const fromCache = async (url: string, request: Request): Promise<Response> =>
    (await (await caches.open(name)).match(url)) ?? fetch(request);
  const shellUrl = new URL('index.html', base).href;
  return {
    async install() {
      const cache = await caches.open(name);
      await Promise.all(
        [...urls].map(async ([url, revision]) => {
          // A hashed file never changes: the copy of an earlier deployment is the same file.
          // Others bypass the HTTP cache, which may hold the previous version.
          let response = revision === null ? await caches.match(url) : undefined;
          response ??= await fetch(
            new Request(url, { cache: revision === null ? 'default' : 'reload' }),
          );
          if (!response.ok) throw new Error(`precache: ${url} answered ${response.status}`);
          // A redirected response cannot answer a navigation: keep its body and headers only.
          await cache.put(
            url,
            response.redirected ? new Response(response.body, response) : response,
          );
        }),
      );
    },
    async activate() {
      for (const key of await caches.keys())
        if (key !== name && (key.startsWith(OURS) || OLD.test(key))) await caches.delete(key);
    },
    match(request) {
      const url = new URL(request.url);
      url.hash = '';
      if (url.pathname.endsWith('/')) url.pathname += 'index.html';
      return urls.has(url.href) ? fromCache(url.href, request) : undefined;
    },
    shell: () => fromCache(shellUrl, new Request(shellUrl)),
  };
}
