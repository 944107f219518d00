/** The page's RPC client, with a fake ServiceWorkerContainer and Node's MessageChannel. */
import { describe, expect, it } from 'vitest';
import { createRpcClient } from '../../../src/rpc/client/createRpcClient';

/** A controlled page whose worker answers `satchel.connect` with a hello. `ready` never
 * settles: a controlled page must not wait for it (it cost a cold start about 25 ms). */
function controlledContainer() {
  const controller = {
    postMessage(message: { type: string; channelId: string }, transfer: MessagePort[] = []) {
      const [port] = transfer;
      if (message.type !== 'satchel.connect' || !port) return;
      port.postMessage({
        kind: 'hello',
        channelId: message.channelId,
        protocol: 1,
        build: 'test',
        connection: { status: 'signedOut', since: 0 },
        storage: { status: 'ok' },
      });
    },
  };
  return {
    controller,
    ready: new Promise<never>(() => undefined),
    startMessages: () => undefined,
    addEventListener: () => undefined,
  } as unknown as ServiceWorkerContainer;
}

describe('createRpcClient', () => {
  it('talks to the worker of a controlled page without waiting for `ready`', async () => {
    const statuses: string[] = [];
    const rpc = createRpcClient({
      container: controlledContainer(),
      requestTimeoutMs: 1_000,
      heartbeatMs: 60_000,
      helloTimeoutMs: 1_000,
      isVisible: () => false,
      onVisible: () => undefined,
      newChannelId: () => 'channel-1',
      log: () => undefined,
    });
    rpc.onStatus((status) => statuses.push(status));
    await rpc.start();
    expect(statuses).toEqual(['connecting', 'ready']);
  });
});
