import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectAccount, registerAccount, type TestAccount } from '../support/accounts';
import { launchBrowser, serviceWorkerReady, type LaunchedBrowser } from '../support/browser';
import { signIn } from '../support/signIn';
import { buildGenericXssItems, buildXssEntries, type XssItem } from '../fixtures/xss/buildXssItems';

// Issue 5, "Safety": a second client publishes an XSS corpus; the reader shows every item and
// nothing runs (a window.__xss trap, dialogs), nothing leaves for another host, and no
// dangerous element or attribute reaches the DOM. CSP violations are recorded too: the
// sanitizer must hold on its own, the CSP is the second line.
const appUrl = inject('appUrl');
const wsUrl = inject('wsUrl');
const pubsubService = inject('pubsubService');
const OPEN_NODE = {
  'pubsub#max_items': '500',
  'pubsub#access_model': 'open',
  'pubsub#persist_items': '1',
};

let browser: LaunchedBrowser | undefined;
let victim: TestAccount;
let attacker: TestAccount;
let page: Page;
// On the pubsub component, named per run: Prosody 0.12 refuses disco#items on another user's PEP
// node (service-unavailable), which the cache's sync needs, so the attacker publishes there.
let blogNode: string;
let genericNode: string;
const entries = buildXssEntries();
const genericItems = buildGenericXssItems();
const dialogs: string[] = [];
const leaks: string[] = [];

const isLocal = (url: string) => {
  const { protocol, hostname } = new URL(url);
  return (
    protocol === 'data:' ||
    protocol === 'blob:' ||
    hostname === 'localhost' ||
    hostname === '127.0.0.1'
  );
};

/** Client-side navigation (the app's router listens to popstate): the window and its trap persist. */
async function open(path: string): Promise<void> {
  await page.evaluate((p) => {
    history.pushState({}, '', p);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** Every rule the sanitizer promises, checked on the live DOM; returns what broke them. */
function domProblems(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const problems: string[] = [];
    const main = document.querySelector('main');
    if (!main) return ['no main'];
    if ('__xss' in window)
      problems.push(`window.__xss = ${String((window as { __xss?: unknown }).__xss)}`);
    const csp = (window as { __csp?: string[] }).__csp ?? [];
    if (csp.length > 0) problems.push(`CSP violations: ${csp.join('; ')}`);
    if (document.querySelector('base, meta[http-equiv="refresh" i]'))
      problems.push('base or meta refresh in the document');
    const forbidden =
      'script, style, iframe, frame, object, embed, meta, link, base, svg, math, template, noscript, video, audio, source, portal, marquee, isindex, xmp, custom-el';
    for (const el of main.querySelectorAll(forbidden))
      problems.push(`forbidden <${el.tagName.toLowerCase()}>`);
    for (const el of main.querySelectorAll('*')) {
      if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml')
        problems.push(`foreign namespace <${el.tagName}>`);
      for (const attr of el.attributes) {
        if (attr.name.startsWith('on'))
          problems.push(`handler ${attr.name} on <${el.tagName.toLowerCase()}>`);
        if (/^\s*(javascript|vbscript|data):/iu.test(attr.value.replace(/[\s\p{Cc}]/gu, '')))
          problems.push(`${attr.name}=${attr.value}`);
        if ((attr.name === 'id' || attr.name === 'name') && attr.value === '__xss')
          problems.push('clobbering id/name');
      }
    }
    for (const content of main.querySelectorAll('.rich-content, .text-content')) {
      for (const el of content.querySelectorAll(
        'form, input, button, textarea, select, img[src], [style], [class]:not(.image-placeholder), [id], [name], [srcset], [ping], [background]',
      ))
        problems.push(
          `in content: <${el.tagName.toLowerCase()}> ${[...el.attributes].map((a) => a.name).join(' ')}`,
        );
    }
    for (const a of main.querySelectorAll<HTMLAnchorElement>('a[href]')) {
      const href = a.getAttribute('href') ?? '';
      if (href.startsWith('/')) continue; // the app's own links
      if (!/^(https?:|mailto:|xmpp:)/iu.test(href)) problems.push(`link ${href}`);
      else if (
        a.target !== '_blank' ||
        !/noopener/u.test(a.rel) ||
        !/noreferrer/u.test(a.rel) ||
        a.referrerPolicy !== 'no-referrer'
      )
        problems.push(`external link without new context / no referrer: ${href}`);
    }
    return problems;
  });
}

async function expectSafe(where: string): Promise<void> {
  expect({ where, problems: await domProblems(page), dialogs, leaks }).toEqual({
    where,
    problems: [],
    dialogs: [],
    leaks: [],
  });
}

beforeAll(async () => {
  [victim, attacker] = await Promise.all([
    registerAccount('xss-victim'),
    registerAccount('xss-attacker'),
  ]);
  blogNode = `xss/${attacker.username}/blog`;
  genericNode = `xss/${attacker.username}/generic`;
  const peer = await connectAccount(attacker);
  try {
    await peer.createNode(pubsubService, blogNode, OPEN_NODE);
    await peer.publishMany(
      pubsubService,
      blogNode,
      entries.map(({ id, payload }: XssItem) => ({ id, payload })),
    );
    await peer.createNode(pubsubService, genericNode, OPEN_NODE);
    await peer.publishMany(
      pubsubService,
      genericNode,
      genericItems.map(({ id, payload }) => ({ id, payload })),
    );
  } finally {
    await peer.stop();
  }
  browser = await launchBrowser();
  const context = browser.context;
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    leaks.push(url);
    return route.abort();
  });
  context.on('request', (request) => {
    if (!isLocal(request.url()) && !leaks.includes(request.url())) leaks.push(request.url());
  });
  await context.addInitScript(() => {
    const w = window as { __csp?: string[] };
    w.__csp = [];
    // Chromium checks inline handlers, inline styles and <base> against the page's CSP as soon
    // as any parser builds them, also in the inert documents DOMParser (and so DOMPurify)
    // makes: those reports target the Document, and nothing can run or load there. Any other
    // report (a live element, a blocked script, image, frame or connection) means a leak.
    const PARSE_TIME = new Set(['script-src-attr', 'style-src-attr', 'style-src-elem', 'base-uri']);
    document.addEventListener('securitypolicyviolation', (e) => {
      const element = e.target instanceof Element && e.target.isConnected ? e.target : undefined;
      if (!element && PARSE_TIME.has(e.violatedDirective)) return;
      w.__csp?.push(
        `${e.violatedDirective} ${e.blockedURI} ${e.sample} ${element?.outerHTML.slice(0, 80) ?? ''}`,
      );
    });
  });
  page = await context.newPage();
  context.on('page', (popup) => leaks.push(`new page: ${popup.url()}`));
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(appUrl);
  await serviceWorkerReady(page);
  await signIn(page, victim, wsUrl);
});

afterAll(() => browser?.close());

describe('an XSS corpus published by another client', () => {
  it('follows the attacker’s node by xmpp: URI and renders the whole feed safely', async () => {
    await page
      .getByLabel('xmpp: link or contact address')
      .fill(`xmpp:${pubsubService}?;node=${encodeURIComponent(blogNode)}`);
    await page.getByRole('button', { name: 'Follow', exact: true }).click();
    const row = page.locator(`.node-row[data-node="${blogNode}"]`);
    await row.locator('[data-sync="completed"]').waitFor({ timeout: 30_000 });
    await row.locator('.node-link').click();
    await page.locator('.feed-row[data-index="0"]').waitFor();
    await expect(page.getByTestId('feed-total').textContent()).resolves.toBe(
      `${entries.length} posts`,
    );
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y <= height; y += 500) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForFunction(() => document.querySelector('.feed-row.skeleton') === null);
      await expectSafe(`feed at ${y}px`);
    }
  });

  it.each(entries.map((e) => [e.name, e] as const))('item: %s', async (_name, item) => {
    await open(
      `/item/${pubsubService}/${encodeURIComponent(blogNode)}/${encodeURIComponent(item.id)}`,
    );
    await page.locator(`article.post`).waitFor();
    await page.locator('.state-loading').waitFor({ state: 'detached' });
    await page.locator('article.post').hover();
    await expectSafe(item.id);
  });

  it('shows titles with markup as text', async () => {
    await open(`/item/${pubsubService}/${encodeURIComponent(blogNode)}/title-2`);
    await expect
      .poll(() => page.locator('article.post h1').textContent())
      .toBe('<script>window.__xss = "text title"</script> is literal text here');
    await open(`/item/${pubsubService}/${encodeURIComponent(blogNode)}/title-1`);
    await expect
      .poll(() => page.locator('article.post h1').textContent())
      .toBe('Markup in an html title');
    await expectSafe('titles');
  });

  it('shows a node no analyser knows as raw XML text, hostile item ids included', async () => {
    await open(`/feed/${pubsubService}/${encodeURIComponent(genericNode)}`);
    await page.locator('.feed-row[data-index="1"]').waitFor({ timeout: 15_000 });
    await expectSafe('generic feed');
    for (const item of genericItems) {
      await open(
        `/item/${pubsubService}/${encodeURIComponent(genericNode)}/${encodeURIComponent(item.id)}`,
      );
      const pre = page.getByTestId('raw-xml');
      await pre.waitFor();
      await expect(pre.textContent()).resolves.toContain('<script>window.__xss=');
      await expectSafe(`generic ${item.id}`);
    }
  });

  it('loads remote images only once the user allows them for the feed', async () => {
    const item = entries.find((e) => e.name === 'remote image');
    await open(`/item/${pubsubService}/${encodeURIComponent(blogNode)}/${item?.id ?? ''}`);
    await page.locator('.image-placeholder').waitFor();
    await expect(page.locator('.image-placeholder').textContent()).resolves.toBe(
      'Image: tracking pixel',
    );
    await expectSafe('remote image, blocked');
    await page.getByRole('button', { name: 'Load images from remote sites' }).click();
    const img = page.locator('.rich-content img');
    await img.waitFor({ state: 'attached' });
    await expect(img.getAttribute('src')).resolves.toBe('https://evil.example/track.png');
    await expect(img.getAttribute('referrerpolicy')).resolves.toBe('no-referrer');
  });
});
