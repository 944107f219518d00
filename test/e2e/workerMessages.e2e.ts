import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { registerAccount } from '../support/accounts';
import { launchBrowser, serviceWorkerReady, type LaunchedBrowser } from '../support/browser';
import { pageRpc } from '../support/pageRpc';
import { signIn } from '../support/signIn';

// Issue 15, "Messages to the worker" (docs/reliability.md), in Chromium: junk posted to the
// real service worker, on a port and to the controller, and a client that vanishes mid-call.
// The router and hub are unit-tested in Node; this proves the built worker behaves the same.
const appUrl = inject('appUrl');
const wsUrl = inject('wsUrl');
let browser: LaunchedBrowser;
let page: Page;

// One signed-in page: the worker (and its session) is the browser's, shared by every test.
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.goto(appUrl);
  await serviceWorkerReady(page);
  await signIn(page, await registerAccount('junk'), wsUrl);
});
afterAll(() => browser?.close());

interface Answer {
  kind: string;
  id?: number;
  ok?: boolean;
  error?: { code: string; message: string };
}

/**
 * Opens a channel to the worker as a client would, posts each of `messages` on it, and collects
 * the responses: by id for those with one; a last, valid request must still be answered.
 */
function postOnPort(page: Page, messages: unknown[]): Promise<Answer[]> {
  return page.evaluate(async (junk) => {
    const controller = navigator.serviceWorker.controller;
    if (!controller) throw new Error('no service worker controls this page');
    const channel = new MessageChannel();
    const answers: Answer[] = [];
    let onAnswer = (): void => undefined;
    channel.port1.onmessage = (event: MessageEvent) => {
      answers.push(event.data as Answer);
      onAnswer();
    };
    const until = (done: () => boolean, what: string) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${what}: no answer in 15 s`)), 15_000);
        onAnswer = () => {
          if (!done()) return;
          clearTimeout(timer);
          resolve();
        };
        onAnswer();
      });
    controller.postMessage({ type: 'satchel.connect', channelId: 'junk', protocol: 1 }, [
      channel.port2,
    ]);
    await until(() => answers.some((a) => a.kind === 'hello'), 'hello');
    for (const message of junk) channel.port1.postMessage(message);
    channel.port1.postMessage({ kind: 'request', id: 999, method: 'session.state', params: {} });
    await until(() => answers.some((a) => a.id === 999), 'the valid request after the junk');
    channel.port1.close();
    return answers.filter((a) => a.kind === 'response');
  }, messages);
}

describe('messages to the worker, in Chromium', () => {
  it('answers malformed, oversized and unknown requests with typed errors and keeps serving', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // To the controller: not an object, an unknown type, a connect without a port.
    await page.evaluate(() => {
      const controller = navigator.serviceWorker.controller;
      for (const junk of [null, 'junk', 42, { type: 'satchel.nope' }, { type: 'satchel.connect' }])
        controller?.postMessage(junk);
    });
    const answers = await postOnPort(page, [
      null,
      'a string',
      [1, 2],
      { kind: 'junk' },
      { kind: 'request', id: 1, method: 'nope', params: {} },
      { kind: 'request', id: 2, method: '__proto__', params: {} },
      { kind: 'request', id: 3, method: 'cache.listNodes', params: { followedOnly: 'yes' } },
      { kind: 'request', id: 4, method: 'cache.listNodes', params: { followedOnly: true, x: 1 } },
      { kind: 'request', id: 5, method: 'x'.repeat(200), params: {} },
      {
        kind: 'request',
        id: 6,
        method: 'pubsub.publish',
        params: { service: 's', node: 'n', payloadXml: 'x'.repeat(1_000_001) },
      },
      { kind: 'response', id: 7, ok: true, result: {} },
    ]);
    const byId = new Map(answers.map((a) => [a.id, a]));
    expect([1, 2, 3, 4, 5, 6, 7].map((id) => `${id}: ${byId.get(id)?.error?.code}`)).toEqual([
      '1: unknown-method',
      '2: unknown-method',
      '3: bad-request',
      '4: bad-request',
      '5: too-large',
      '6: too-large',
      '7: bad-request', // a response sent to the worker: the wrong kind, answered by its id
    ]);
    // Junk without an id has nothing to be answered on; the valid request after it is.
    expect(byId.get(999)).toMatchObject({ ok: true });
    expect(answers.map((a) => a.id).sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 999]);
    // The app's own client, on its own channel, was never disturbed.
    await expect(pageRpc(page, 'session.state', {})).resolves.toMatchObject({ status: 'online' });
    await page.getByRole('button', { name: /Sign out/u }).waitFor({ timeout: 5_000 });
    expect(errors).toEqual([]);
  });

  it('keeps serving others when a client vanishes mid-call', async () => {
    const leaving = await browser.context.newPage();
    await leaving.goto(appUrl);
    await serviceWorkerReady(leaving);
    // A call that goes to the server (disco#items of the domain), then the page goes away.
    await leaving.evaluate(() => {
      const channel = new MessageChannel();
      navigator.serviceWorker.controller?.postMessage(
        { type: 'satchel.connect', channelId: 'leaving', protocol: 1 },
        [channel.port2],
      );
      channel.port1.postMessage({
        kind: 'request',
        id: 1,
        method: 'pubsub.discoverServices',
        params: {},
      });
    });
    await leaving.close();
    for (let n = 0; n < 3; n++)
      await expect(pageRpc(page, 'pubsub.discoverServices', {})).resolves.toHaveProperty(
        'services',
      );
    await expect(pageRpc(page, 'session.state', {})).resolves.toMatchObject({ status: 'online' });
  });
});
