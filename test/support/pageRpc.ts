import type { Page } from 'playwright-core';
import type { RpcMethod, RpcParams, RpcResult } from '../../src/shared/protocol';

/**
 * Calls the worker's RPC from inside a page, as a second client of the protocol would: its own
 * MessageChannel handed over with controller.postMessage, a hello, then one request. Tests and
 * benchmarks use it to drive the engine without going through the UI.
 */
export async function pageRpc<M extends RpcMethod>(
  page: Page,
  method: M,
  params: RpcParams<M>,
  timeoutMs = 30_000,
): Promise<RpcResult<M>> {
  const response = await page.evaluate(
    async ({ method, params, timeoutMs }) => {
      const controller = navigator.serviceWorker.controller;
      if (!controller) throw new Error('no service worker controls this page');
      const channel = new MessageChannel();
      const channelId = `test-${crypto.randomUUID()}`;
      const timeout = (what: string) =>
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`${what} timed out`)), timeoutMs),
        );
      const next = () =>
        new Promise<{ kind: string; ok?: boolean; result?: unknown; error?: unknown }>(
          (resolve) => {
            channel.port1.onmessage = (event: MessageEvent) => resolve(event.data as never);
          },
        );
      const hello = next();
      controller.postMessage({ type: 'satchel.connect', channelId, protocol: 1 }, [channel.port2]);
      await Promise.race([hello, timeout('hello')]);
      let answer = next();
      channel.port1.postMessage({ kind: 'request', id: 1, method, params });
      for (;;) {
        const message = await Promise.race([answer, timeout(method)]);
        if (message.kind === 'response') {
          channel.port1.close();
          return message;
        }
        answer = next(); // an event pushed meanwhile
      }
    },
    { method, params, timeoutMs },
  );
  if (!response.ok)
    throw Object.assign(new Error(`${method} failed: ${JSON.stringify(response.error)}`), {
      data: response.error,
    });
  return response.result as RpcResult<M>;
}
