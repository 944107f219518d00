/** A navigation's response: the shell, with a cached feed's first rows when there are some. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createItemStore } from '../../../src/db/itemStore';
import { createNodeStore } from '../../../src/db/nodeStore';
import { openSatchelDb } from '../../../src/db/openSatchelDb';
import type { SatchelDb } from '../../../src/db/SatchelDb';
import { feedHref } from '../../../src/shared/appPaths';
import type { NodeAddress } from '../../../src/shared/protocol';
import { prerenderFeed, type PrerenderSource } from '../../../src/sw/prerender/prerenderFeed';
import { readFirstRows } from '../../../src/sw/prerender/readFirstRows';
import { isolatedDb, nodeRecord } from '../db/fixtures';
import { ADDRESS, post } from './prerenderFixtures';

const ACCOUNT = 'juliet@capulet.lit';
const ORIGIN = 'https://satchel.example';
const SHELL = '<!doctype html><html><body><div id="app"></div><noscript>x</noscript></body></html>';
const COMMENTS = { service: 'pubsub.capulet.lit', node: 'urn:xmpp:microblog:0:comments/a/b' };

let db: SatchelDb;
let started: number;

beforeEach(async () => {
  db = await openSatchelDb(isolatedDb());
  started = 0;
  const nodes = createNodeStore({ db });
  const items = createItemStore({ db });
  for (const address of [ADDRESS, COMMENTS]) {
    await nodes.put(nodeRecord({ account: ACCOUNT, ...address, analyser: 'microblog' }));
    const posts = Array.from({ length: 25 }, (_, n) =>
      post({
        id: `p${n}`,
        title: `Post ${n}`,
        published: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
      }),
    );
    await items.upsertItems(
      ACCOUNT,
      address.service,
      address.node,
      posts.map((p) => ({ itemId: p.id, xml: p.xml, parsed: p.parsed, created: p.created! })),
    );
  }
  await nodes.put(
    nodeRecord({
      account: ACCOUNT,
      service: ADDRESS.service,
      node: 'syncing',
      analyser: 'microblog',
      syncState: 'inProgress',
    }),
  );
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

const shell = (): Promise<Response> =>
  Promise.resolve(
    new Response(SHELL, {
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-length': String(SHELL.length),
      },
    }),
  );

function source(overrides: Partial<PrerenderSource> = {}): () => PrerenderSource {
  return () => {
    started++;
    return {
      account: () => Promise.resolve(ACCOUNT),
      // As startEngine.ts wires it: readFirstRows on the database's stores.
      firstRows: (account, address) =>
        readFirstRows(
          { nodes: createNodeStore({ db }), items: createItemStore({ db }) },
          account,
          address,
        ),
      ...overrides,
    };
  };
}

async function navigate(path: string, from = source()) {
  const response = await prerenderFeed(new URL(path, ORIGIN), shell, from);
  return { response, body: await response.text() };
}

const feed = (address: NodeAddress): string => feedHref(address);

describe('prerenderFeed', () => {
  it("puts a cached feed's newest 20 rows after the mount point, in the shell's response", async () => {
    const { response, body } = await navigate(feed(ADDRESS));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-length')).toBeNull();
    expect(
      body.startsWith('<!doctype html><html><body><div id="app"></div><div id="prerendered-feed"'),
    ).toBe(true);
    expect(body.endsWith('</div><noscript>x</noscript></body></html>')).toBe(true);
    const ids = [...body.matchAll(/data-item-id="([^"]*)"/gu)].map((m) => m[1]);
    expect(ids).toEqual(Array.from({ length: 20 }, (_, n) => `p${24 - n}`));
    expect(body).toContain('aria-setsize="25"');
  });

  it('reads node names with ":" and "/" as the page does', async () => {
    const { body } = await navigate(feed(COMMENTS));
    expect(body).toContain(
      'href="/item/pubsub.capulet.lit/urn:xmpp:microblog:0:comments%2Fa%2Fb/p24"',
    );
  });

  it('serves the plain shell, without starting the engine, for any other URL', async () => {
    for (const path of [
      '/',
      '/search?q=x',
      '/manage',
      '/browse/x',
      '/feed/x',
      `${feed(ADDRESS)}/p1`,
      '/feed/%E0%A4%A/x',
    ]) {
      const { body } = await navigate(path);
      expect(body, path).toBe(SHELL);
    }
    expect(started).toBe(0);
  });

  it('serves the plain shell when signed out, or the feed is not a completed sync', async () => {
    expect(
      (await navigate(feed(ADDRESS), source({ account: () => Promise.resolve(undefined) }))).body,
    ).toBe(SHELL);
    for (const node of ['syncing', 'unknown'])
      expect((await navigate(feed({ service: ADDRESS.service, node }))).body, node).toBe(SHELL);
    await createNodeStore({ db }).patch({ account: ACCOUNT, ...ADDRESS }, { analyser: 'other' });
    expect((await navigate(feed(ADDRESS))).body).toBe(SHELL);
  });

  it('serves the plain shell on a failure, and after 150 ms without the rows', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const failing = source({ firstRows: () => Promise.reject(new Error('upgrade failed')) });
    expect((await navigate(feed(ADDRESS), failing)).body).toBe(SHELL);
    expect(warn).toHaveBeenCalledWith('[satchel] feed pre-render failed', expect.any(Error));

    const t0 = performance.now();
    const blocked = source({ firstRows: () => new Promise<never>(() => undefined) });
    expect((await navigate(feed(ADDRESS), blocked)).body).toBe(SHELL);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});
