import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { xml } from '@xmpp/xml';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectAccount, registerAccount } from '../support/accounts';
import { launchBrowser, serviceWorkerReady, type LaunchedBrowser } from '../support/browser';
import { signIn } from '../support/signIn';

// Issue 15 "Content safety": the CSP of the served build (response headers and the meta tag)
// allows no inline and no remote script, and Chromium enforces it; a remote image in a post is
// not requested until the user chooses to load images; a link opens in a new context with no
// opener and no referrer. A local HTTP server on another port stands for the remote site and
// counts what reaches it.
const appUrl = inject('appUrl');
const wsUrl = inject('wsUrl');
const pubsub = inject('pubsubService');

/** A 1×1 transparent PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

let remote: Server;
let remoteOrigin: string;
const hits: Array<{ path: string; headers: IncomingHttpHeaders }> = [];
let browser: LaunchedBrowser;

type Csp = Map<string, string[]>;
function parseCsp(policy: string): Csp {
  const directives: Csp = new Map();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/u);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

/** No inline script, no eval, no script from anywhere but the app's own origin. */
function expectNoInlineNorRemoteScript(policy: string): void {
  const csp = parseCsp(policy);
  const script = csp.get('script-src') ?? csp.get('default-src');
  expect(script, policy).toEqual(["'self'"]);
  for (const directive of ['script-src-elem', 'script-src-attr'])
    expect(csp.has(directive), `${directive} in ${policy}`).toBe(false);
  expect(['none', 'self'].map((v) => `'${v}'`)).toContain(csp.get('default-src')?.join(' '));
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'none'"]);
}

beforeAll(async () => {
  remote = createServer((req, res) => {
    hits.push({ path: req.url ?? '', headers: req.headers });
    if (req.url === '/x.png') res.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG);
    else if (req.url === '/evil.js')
      res.writeHead(200, { 'Content-Type': 'text/javascript' }).end('window.__remote = 1;');
    else
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><p>remote page</p>');
  });
  await new Promise<void>((resolve) => remote.listen(0, '127.0.0.1', resolve));
  remoteOrigin = `http://127.0.0.1:${(remote.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => remote?.close(resolve));
});

describe('the Content-Security-Policy of the served build', () => {
  it('headers and the meta tag allow no inline and no remote script', async () => {
    for (const path of ['', 'feed/pubsub.localhost/some%2Fnode', 'manage']) {
      const res = await fetch(new URL(path, appUrl));
      const header = res.headers.get('content-security-policy') ?? '';
      expectNoInlineNorRemoteScript(header);
      expect(parseCsp(header).get('frame-ancestors')).toEqual(["'none'"]);
      const html = await res.text();
      const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/iu.exec(html);
      expect(meta, 'meta tag').not.toBeNull();
      expectNoInlineNorRemoteScript(meta![1]!);
      // The build itself has no inline script and no inline handler for the policy to forgive.
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/giu)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attrs, body] of scripts) {
        expect(body?.trim()).toBe('');
        expect(attrs).toMatch(/\ssrc="\/[^/]/u);
      }
      expect(html).not.toMatch(/\son[a-z]+\s*=/iu);
    }
    const worker = await fetch(new URL('sw.js', appUrl));
    const workerCsp = parseCsp(worker.headers.get('content-security-policy') ?? '');
    expect(workerCsp.get('default-src')).toEqual(["'none'"]);
    expect(workerCsp.get('script-src')).toEqual(["'self'"]);
  });

  it('Chromium enforces it: an injected inline or remote script does not run, eval throws', async () => {
    const page = await browser.context.newPage();
    await page.goto(appUrl);
    await serviceWorkerReady(page);
    // The shell the worker serves (precached) carries the same policy as the server's.
    const shell = await page.goto(new URL('manage', appUrl).href);
    expect(shell?.fromServiceWorker()).toBe(true);
    expectNoInlineNorRemoteScript((await shell?.allHeaders())?.['content-security-policy'] ?? '');
    const before = hits.length;
    const result = await page.evaluate(async (origin) => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
      const inline = document.createElement('script');
      inline.textContent = 'window.__inline = 1;';
      document.body.append(inline);
      const remoteScript = document.createElement('script');
      remoteScript.src = `${origin}/evil.js`;
      const loaded = new Promise<string>((resolve) => {
        remoteScript.onload = () => resolve('loaded');
        remoteScript.onerror = () => resolve('blocked');
      });
      document.body.append(remoteScript);
      // Run from a page task: while DevTools evaluates, V8 allows eval whatever the CSP says.
      const evalResult = await new Promise<string>((resolve) =>
        setTimeout(() => {
          try {
            resolve(String((0, eval)('1 + 1')));
          } catch (error) {
            resolve((error as Error).name);
          }
        }, 0),
      );
      const handler = document.createElement('div');
      handler.setAttribute('onclick', 'window.__handler = 1');
      document.body.append(handler);
      handler.click();
      const remoteResult = await loaded;
      await new Promise((resolve) => setTimeout(resolve, 0)); // let the violation events land
      const w = window as { __inline?: number; __remote?: number; __handler?: number };
      return {
        ran: [w.__inline, w.__remote, w.__handler],
        remoteResult,
        evalResult,
        violations: violations.sort(),
      };
    }, remoteOrigin);
    expect(result).toMatchObject({
      ran: [undefined, undefined, undefined],
      remoteResult: 'blocked',
      evalResult: 'EvalError',
    });
    expect(result.violations.map((v) => v.split(' ')[0])).toEqual(
      expect.arrayContaining(['script-src-elem', 'script-src-attr']),
    );
    expect(hits.slice(before).map((h) => h.path)).toEqual([]);
    await page.close();
  });
});

describe('remote content in a post', () => {
  let page: Page;
  let itemPath: string;

  beforeAll(async () => {
    const [reader, publisher] = await Promise.all([
      registerAccount('safety-reader'),
      registerAccount('safety-publisher'),
    ]);
    const node = `safety/${publisher.username}`;
    const peer = await connectAccount(publisher);
    try {
      await peer.createNode(pubsub, node, { 'pubsub#access_model': 'open' });
      await peer.publish(
        pubsub,
        node,
        'remote',
        xml(
          'entry',
          { xmlns: 'http://www.w3.org/2005/Atom' },
          xml('id', {}, 'tag:safety.test,2026:remote'),
          xml('title', {}, 'Remote content'),
          xml('published', {}, '2026-12-01T00:00:00Z'),
          xml(
            'content',
            { type: 'html' },
            `<p>A pixel <img src="${remoteOrigin}/x.png" alt="pixel"> and <a href="${remoteOrigin}/page">a link</a>.</p>`,
          ),
        ),
      );
    } finally {
      await peer.stop();
    }
    page = await browser.context.newPage();
    await page.goto(appUrl);
    await serviceWorkerReady(page);
    await signIn(page, reader, wsUrl);
    itemPath = `/item/${pubsub}/${encodeURIComponent(node)}/remote`;
  }, 60_000);

  it('requests a remote image only after the user chooses to load images', async () => {
    hits.length = 0;
    await page.goto(new URL(itemPath, appUrl).href);
    await page.locator('.image-placeholder').waitFor({ timeout: 20_000 });
    await expect(page.locator('.image-placeholder').textContent()).resolves.toBe('Image: pixel');
    // The item view is fully rendered (its link is there) and still nothing went to the site.
    await page.getByRole('link', { name: 'a link' }).waitFor();
    expect(hits.map((h) => h.path)).toEqual([]);

    await page.getByRole('button', { name: 'Load images from remote sites' }).click();
    await expect.poll(() => hits.map((h) => h.path), { timeout: 10_000 }).toEqual(['/x.png']);
    expect(hits[0]?.headers.referer).toBeUndefined();
    await expect
      .poll(() =>
        page.locator('.rich-content img').evaluate((img: HTMLImageElement) => img.naturalWidth),
      )
      .toBe(1);
  });

  it('opens a link in a new context, without opener and without referrer', async () => {
    hits.length = 0;
    const link = page.getByRole('link', { name: 'a link' });
    await expect(link.getAttribute('rel')).resolves.toMatch(/noopener/u);
    await expect(link.getAttribute('rel')).resolves.toMatch(/noreferrer/u);
    const [popup] = await Promise.all([browser.context.waitForEvent('page'), link.click()]);
    await popup.waitForLoadState();
    expect(popup.url()).toBe(`${remoteOrigin}/page`);
    expect(await popup.evaluate(() => window.opener as unknown)).toBeNull();
    expect(await popup.evaluate(() => document.referrer)).toBe('');
    expect(hits.find((h) => h.path === '/page')?.headers.referer).toBeUndefined();
    // The app stayed where it was.
    expect(new URL(page.url()).pathname).toBe(itemPath);
    await popup.close();
  });
});
