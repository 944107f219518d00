/** The app shell's precache (our own, in place of Workbox's): one cache per deployment. */
import { describe, expect, it } from 'vitest';
import { createPrecache, type PrecacheEntry } from '../../../src/sw/createPrecache';

const BASE = 'https://satchel.example/sw.js';

/** Caches in memory, keyed by URL: the part of CacheStorage the precache uses. */
function fakeCaches(): CacheStorage & { names: Map<string, Map<string, Response>> } {
  const names = new Map<string, Map<string, Response>>();
  const open = (name: string): Map<string, Response> => {
    let cache = names.get(name);
    if (!cache) names.set(name, (cache = new Map<string, Response>()));
    return cache;
  };
  const copy = (r: Response | undefined): Response | undefined => r?.clone();
  return {
    names,
    open: (name: string) =>
      Promise.resolve({
        match: (url: string) => Promise.resolve(copy(open(name).get(url))),
        put: async (url: string, response: Response) => {
          open(name).set(url, new Response(await response.text(), response));
        },
      } as unknown as Cache),
    match: (url: string) =>
      Promise.resolve(copy([...names.values()].find((c) => c.has(url))?.get(url))),
    keys: () => Promise.resolve([...names.keys()]),
    delete: (name: string) => Promise.resolve(names.delete(name)),
    has: (name: string) => Promise.resolve(names.has(name)),
  };
}

function server(files: Record<string, string>): {
  fetch: (request: Request) => Promise<Response>;
  asked: string[];
} {
  const asked: string[] = [];
  return {
    asked,
    fetch: (request) => {
      asked.push(`${new URL(request.url).pathname} ${request.cache}`);
      const body = files[new URL(request.url).pathname];
      return Promise.resolve(new Response(body ?? 'missing', { status: body ? 200 : 404 }));
    },
  };
}

const V1: PrecacheEntry[] = [
  { url: 'index.html', revision: 'r1' },
  { url: 'assets/index-a.js', revision: null },
];
const V2: PrecacheEntry[] = [
  { url: 'index.html', revision: 'r2' },
  { url: 'assets/index-a.js', revision: null },
  { url: 'assets/index-b.js', revision: null },
];

describe('createPrecache', () => {
  it('stores the shell at install and serves it, `/` as index.html; other URLs are not its', async () => {
    const caches = fakeCaches();
    const net = server({ '/index.html': 'shell 1', '/assets/index-a.js': 'a' });
    const precache = createPrecache(caches, net.fetch, BASE, V1);
    await precache.install();
    expect(net.asked.sort()).toEqual(['/assets/index-a.js default', '/index.html reload']);
    const root = precache.match(new Request('https://satchel.example/'));
    expect(await (await root!).text()).toBe('shell 1');
    expect(await (await precache.shell()).text()).toBe('shell 1');
    expect(precache.match(new Request('https://satchel.example/feed/a/b'))).toBeUndefined();
    expect(precache.match(new Request('https://other.example/index.html'))).toBeUndefined();
  });

  it('fails the install when a file cannot be fetched', async () => {
    const precache = createPrecache(fakeCaches(), server({}).fetch, BASE, V1);
    await expect(precache.install()).rejects.toThrow(/index\.html answered 404/u);
  });

  it('installs a new deployment beside the running one, reuses unchanged hashed files, and deletes the old caches on activation', async () => {
    const caches = fakeCaches();
    caches.names.set('workbox-precache-v2-https://satchel.example/', new Map());
    const first = createPrecache(
      caches,
      server({ '/index.html': 'shell 1', '/assets/index-a.js': 'a' }).fetch,
      BASE,
      V1,
    );
    await first.install();
    const net = server({ '/index.html': 'shell 2', '/assets/index-b.js': 'b' });
    const next = createPrecache(caches, net.fetch, BASE, V2);
    await next.install();
    expect(net.asked.sort()).toEqual(['/assets/index-b.js default', '/index.html reload']);
    // Until the new worker activates, the running one still serves its own deployment.
    expect(await (await first.shell()).text()).toBe('shell 1');
    await next.activate();
    expect(caches.names.size).toBe(1);
    expect(await (await next.shell()).text()).toBe('shell 2');
    const a = next.match(new Request('https://satchel.example/assets/index-a.js'));
    expect(await (await a!).text()).toBe('a');
  });
});
