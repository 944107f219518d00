/**
 * Issue 13: after a session has worked, a server that stops answering (or no network) makes the
 * state `offline`, quietly: background attempts do not flip it to "reconnecting" and back. Only
 * a failure that waiting does not fix keeps the session "reconnecting" with its error.
 */
import { EventEmitter } from 'node:events';
import { expect, test } from 'vitest';
import type { ConnectionState } from '../../../src/shared/protocol';
import { SatchelError } from '../../../src/shared/SatchelError';
import type { LiveSession } from '../../../src/xmpp/connectOnce';
import { createSessionManager } from '../../../src/xmpp/createSessionManager';
import { memoryPersistence, storedAccount } from '../../support/memoryPersistence';

/** Just enough of a live session for the manager: a socket that can be dropped. */
function fakeSession(): { session: LiveSession; drop: () => void } {
  const entity = Object.assign(new EventEmitter(), {
    stop: () => Promise.resolve(),
    send: () => Promise.resolve(),
  });
  const session = {
    client: { entity, streamManagement: { enabled: false }, ackPersistence: {} },
    iqCaller: {},
    boundJid: 'alice@example.org/satchel-test',
    resumed: false,
    auth: { mechanism: 'SCRAM-SHA-1' },
  } as unknown as LiveSession;
  return { session, drop: () => entity.emit('disconnect', {}) };
}

/** Every attempt takes the next outcome; the retry timer is instant (back-off of 1 ms). */
async function setup(outcomes: Array<LiveSession | SatchelError>) {
  const persistence = memoryPersistence();
  await persistence.saveAccount(storedAccount());
  const states: ConnectionState[] = [];
  let attempts = 0;
  let changed: (() => void) | undefined;
  const manager = createSessionManager({
    persistence,
    connect: () => {
      attempts += 1;
      changed?.();
      const next = outcomes.shift();
      if (next === undefined) return new Promise(() => undefined); // the last attempt hangs
      return next instanceof SatchelError ? Promise.reject(next) : Promise.resolve(next);
    },
    onState: (state) => {
      states.push(state);
      changed?.();
    },
    onSessionStarted: () => undefined,
    onStanza: () => undefined,
    isBrowserOnline: () => true,
    now: () => Date.now(),
    random: () => 0.5,
    backoff: { baseMs: 1, maxMs: 1 },
    connectTimeoutMs: 1_000,
    log: () => undefined,
  });
  /** Resolves once `done()` holds, re-checked on every state and attempt. */
  const until = async (done: () => boolean): Promise<void> => {
    while (!done()) await new Promise<void>((resolve) => (changed = resolve));
  };
  return { manager, states, until, attempts: () => attempts };
}

test('a server that stops answering after having worked makes the state offline, not a failure', async () => {
  const { session, drop } = fakeSession();
  const unreachable = new SatchelError('server-unreachable');
  const { manager, states, until, attempts } = await setup([session, unreachable]);
  await manager.restore();
  await until(() => manager.state().status === 'online');
  const online = states.length;
  drop();
  // Attempt 2 finds nobody; attempt 3 (which hangs) runs in the background.
  await until(() => attempts() === 3);
  const statuses = states.slice(online).map((s) => `${s.status} ${s.lastFailure?.code}`);
  // The loss itself says reconnecting at once (it may be a blip); then offline, quietly.
  expect(statuses).toEqual([
    'reconnecting connection-lost',
    'reconnecting connection-lost',
    'offline server-unreachable',
    'offline server-unreachable',
  ]);
  await manager.signOut();
});

test('a restored session that finds no server is offline from the start', async () => {
  const { manager, until } = await setup([new SatchelError('timeout')]);
  await manager.restore();
  await until(() => manager.state().lastFailure !== undefined);
  expect(manager.state()).toMatchObject({
    status: 'offline',
    lastFailure: { code: 'timeout' },
  });
  await manager.signOut();
});

test('a server that refuses the stream keeps the session reconnecting, with the error', async () => {
  const { manager, until } = await setup([new SatchelError('stream-error', 'policy-violation')]);
  await manager.restore();
  await until(() => manager.state().lastFailure !== undefined);
  expect(manager.state()).toMatchObject({
    status: 'reconnecting',
    lastFailure: { code: 'stream-error', detail: 'policy-violation' },
  });
  await manager.signOut();
});
