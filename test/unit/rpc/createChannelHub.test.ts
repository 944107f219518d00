import { describe, expect, it } from 'vitest';
import { createChannelHub } from '../../../src/rpc/server/createChannelHub';
import { createRpcRouter } from '../../../src/rpc/server/createRpcRouter';
import { obj } from '../../../src/rpc/server/validators';
import type { WorkerToPageMessage } from '../../../src/shared/protocol';

function hub(liveClients: string[] = ['client-1']) {
  const router = createRpcRouter();
  router.handle('session.state', obj({}), () => Promise.resolve({ status: 'signedOut', since: 0 }));
  return createChannelHub({
    router,
    build: 'test-build',
    connectionState: () => ({ status: 'signedOut', since: 0 }),
    storageState: () => ({ status: 'ok' }),
    liveClientIds: () => Promise.resolve(liveClients),
    log: () => undefined,
  });
}

function channel() {
  const { port1, port2 } = new MessageChannel();
  const received: WorkerToPageMessage[] = [];
  port1.onmessage = (event: MessageEvent<WorkerToPageMessage>) => received.push(event.data);
  return { page: port1, worker: port2, received, close: () => port1.close() };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe('channel hub', () => {
  it('says hello on a handed-over port, answers requests on it, and pongs heartbeats', async () => {
    const h = hub();
    const c = channel();
    const source = { id: 'client-1', postMessage: () => undefined };
    await h.onControllerMessage(
      { type: 'satchel.connect', channelId: 'ch1', protocol: 1 },
      [c.worker],
      source,
    );
    await until(() => c.received.length === 1);
    expect(c.received[0]).toMatchObject({
      kind: 'hello',
      channelId: 'ch1',
      protocol: 1,
      build: 'test-build',
      storage: { status: 'ok' },
    });
    c.page.postMessage({ kind: 'request', id: 1, method: 'session.state', params: {} });
    await until(() => c.received.length === 2);
    expect(c.received[1]).toMatchObject({ kind: 'response', id: 1, ok: true });
    await h.onControllerMessage(
      { type: 'satchel.heartbeat', channelId: 'ch1', seq: 9 },
      [],
      source,
    );
    await until(() => c.received.length === 3);
    expect(c.received[2]).toEqual({ kind: 'pong', seq: 9 });
    c.close();
  });

  it('tells a page whose channel it does not know (a restarted worker) to hand over a new port', async () => {
    const h = hub();
    const told: unknown[] = [];
    await h.onControllerMessage({ type: 'satchel.heartbeat', channelId: 'gone', seq: 1 }, [], {
      id: 'client-1',
      postMessage: (m) => told.push(m),
    });
    expect(told).toEqual([{ type: 'satchel.unknownChannel', channelId: 'gone' }]);
  });

  it('ignores malformed controller messages and prunes channels of closed pages', async () => {
    const h = hub(['client-2']);
    await expect(
      h.onControllerMessage({ type: 'satchel.connect' }, [], null),
    ).resolves.toBeUndefined();
    await expect(h.onControllerMessage(42, [], null)).resolves.toBeUndefined();
    const a = channel();
    await h.onControllerMessage(
      { type: 'satchel.connect', channelId: 'a', protocol: 1 },
      [a.worker],
      { id: 'client-1', postMessage: () => undefined },
    );
    const b = channel();
    await h.onControllerMessage(
      { type: 'satchel.connect', channelId: 'b', protocol: 1 },
      [b.worker],
      { id: 'client-2', postMessage: () => undefined },
    );
    expect(h.channelCount()).toBe(1); // client-1 is not a live client any more
    a.close();
    b.close();
  });

  it('answers a call whose page vanished mid-call into the void, and keeps serving others (issue 15)', async () => {
    let finish = (): void => undefined;
    const slow = new Promise<void>((resolve) => (finish = resolve));
    const logged: string[] = [];
    const calls = { entered: false };
    const h = createChannelHubWithLog(slow, logged, calls);
    const gone = channel();
    const other = channel();
    const source = (id: string) => ({ id, postMessage: () => undefined });
    await h.onControllerMessage(
      { type: 'satchel.connect', channelId: 'gone', protocol: 1 },
      [gone.worker],
      source('c1'),
    );
    await h.onControllerMessage(
      { type: 'satchel.connect', channelId: 'other', protocol: 1 },
      [other.worker],
      source('c2'),
    );
    await until(() => gone.received.length === 1 && other.received.length === 1);
    gone.page.postMessage({ kind: 'request', id: 1, method: 'session.signOut', params: {} });
    await until(() => calls.entered); // the call runs in the worker
    gone.close(); // the page is gone while its call runs
    other.page.postMessage({ kind: 'junk' });
    other.page.postMessage({ kind: 'request', id: 2, method: 'session.state', params: {} });
    await until(() => other.received.length === 2);
    expect(other.received[1]).toMatchObject({ kind: 'response', id: 2, ok: true });
    finish();
    other.page.postMessage({ kind: 'request', id: 3, method: 'session.state', params: {} });
    await until(() => other.received.length === 3);
    expect(other.received[2]).toMatchObject({ kind: 'response', id: 3, ok: true });
    expect(logged).toEqual([]); // the answer to the vanished page did not fail the hub
    other.close();
  });
});

function createChannelHubWithLog(
  slow: Promise<void>,
  logged: string[],
  calls: { entered: boolean },
) {
  const router = createRpcRouter();
  router.handle('session.state', obj({}), () => Promise.resolve({ status: 'signedOut', since: 0 }));
  router.handle('session.signOut', obj({}), async () => {
    calls.entered = true;
    await slow;
    return { status: 'signedOut', since: 0 };
  });
  return createChannelHub({
    router,
    build: 'test-build',
    connectionState: () => ({ status: 'signedOut', since: 0 }),
    storageState: () => ({ status: 'ok' }),
    liveClientIds: () => Promise.resolve(['c1', 'c2']),
    log: (message) => logged.push(message),
  });
}
