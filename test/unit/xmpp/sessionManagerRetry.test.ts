/**
 * "Reconnect now" (or the network coming back) during an attempt that started while the
 * server was unreachable: the next attempt follows as soon as that one fails, instead of
 * after a back-off delay (which can be minutes).
 */
import { expect, test } from 'vitest';
import type { ConnectionState } from '../../../src/shared/protocol';
import { SatchelError } from '../../../src/shared/SatchelError';
import type { ConnectRequest, LiveSession } from '../../../src/xmpp/connectOnce';
import { createSessionManager } from '../../../src/xmpp/createSessionManager';
import { memoryPersistence, storedAccount } from '../../support/memoryPersistence';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function setup(options: { online?: boolean; backoffMs?: number } = {}) {
  const persistence = memoryPersistence();
  await persistence.saveAccount(storedAccount());
  const attempts: Array<ReturnType<typeof deferred<LiveSession>>> = [];
  const states: ConnectionState[] = [];
  let nextAttempt = deferred<undefined>();
  const manager = createSessionManager({
    persistence,
    connect: (_request: ConnectRequest) => {
      const attempt = deferred<LiveSession>();
      attempts.push(attempt);
      nextAttempt.resolve(undefined);
      return attempt.promise;
    },
    onState: (state) => states.push(state),
    onSessionStarted: () => undefined,
    onStanza: () => undefined,
    isBrowserOnline: () => options.online ?? true,
    now: () => Date.now(),
    random: () => 0.5,
    // A retry timer would fire only after ten minutes: any prompt attempt is not one.
    backoff: { baseMs: options.backoffMs ?? 600_000, maxMs: options.backoffMs ?? 600_000 },
    connectTimeoutMs: 1_000,
    log: () => undefined,
  });
  const attemptStarted = async (n: number) => {
    while (attempts.length < n) {
      nextAttempt = deferred<undefined>();
      await nextAttempt.promise;
    }
  };
  return { manager, attempts, states, attemptStarted };
}

test('reconnectNow during a failing attempt starts the next one when it fails', async () => {
  const { manager, attempts, states, attemptStarted } = await setup();
  const restoring = manager.restore();
  await attemptStarted(1);
  const asked = manager.reconnectNow();
  attempts[0]!.reject(new SatchelError('server-unreachable'));
  await restoring;
  await attemptStarted(2);
  expect(attempts).toHaveLength(2);
  attempts[1]!.reject(new SatchelError('server-unreachable'));
  await asked;
  // Back to waiting out the back-off, offline (nobody answers), with the reason kept.
  expect(states.at(-1)).toMatchObject({
    status: 'offline',
    lastFailure: { code: 'server-unreachable' },
  });
  await manager.signOut();
});

test('without a request, a failed attempt waits for the back-off', async () => {
  const { manager, attempts, states, attemptStarted } = await setup();
  const restoring = manager.restore();
  await attemptStarted(1);
  attempts[0]!.reject(new SatchelError('server-unreachable'));
  await restoring;
  expect(attempts).toHaveLength(1);
  expect(states.at(-1)?.status).toBe('offline');
  expect(states.at(-1)?.nextAttemptAt).toBeGreaterThan(Date.now() + 60_000);
  await manager.signOut();
});

test('while the worker believes it is offline, the back-off keeps trying', async () => {
  // navigator.onLine in a worker lags the network: one failed attempt must not stall the session.
  const { manager, attempts, states, attemptStarted } = await setup({
    online: false,
    backoffMs: 5,
  });
  const restoring = manager.restore();
  // Offline at start: no attempt yet, the status says offline, and a retry is due.
  await restoring;
  expect(states.at(-1)).toMatchObject({
    status: 'offline',
    lastFailure: { code: 'browser-offline' },
  });
  expect(states.at(-1)?.nextAttemptAt).toBeDefined();
  await attemptStarted(1);
  attempts[0]!.reject(new SatchelError('server-unreachable'));
  await attemptStarted(2);
  expect(states.some((s) => s.lastFailure?.code === 'server-unreachable')).toBe(true);
  await manager.signOut();
});
