/**
 * A restarted worker does not know at once whether an account is stored: until restore() has
 * read it, the state says so (`restoring`), and pages wait instead of flashing the sign-in form.
 */
import { expect, test } from 'vitest';
import type { ConnectionState } from '../../../src/shared/protocol';
import { SatchelError } from '../../../src/shared/SatchelError';
import { createSessionManager } from '../../../src/xmpp/createSessionManager';
import type { SessionPersistence } from '../../../src/xmpp/SessionPersistence';
import { memoryPersistence, storedAccount } from '../../support/memoryPersistence';

function managerWith(persistence: SessionPersistence) {
  const states: ConnectionState[] = [];
  const manager = createSessionManager({
    persistence,
    connect: () => Promise.reject(new SatchelError('server-unreachable')),
    onState: (state) => states.push(state),
    onSessionStarted: () => undefined,
    onStanza: () => undefined,
    isBrowserOnline: () => false,
    now: () => Date.now(),
    random: () => 0.5,
    backoff: { baseMs: 600_000, maxMs: 600_000 },
    connectTimeoutMs: 1_000,
    log: () => undefined,
  });
  return { manager, states };
}

test('before restore() the state is marked restoring', () => {
  const { manager } = managerWith(memoryPersistence());
  expect(manager.state()).toMatchObject({ status: 'signedOut', restoring: true });
});

test('with no stored account, restore() settles on signed out', async () => {
  const { manager, states } = managerWith(memoryPersistence());
  await manager.restore();
  expect(states).toHaveLength(1);
  expect(states[0]!.status).toBe('signedOut');
  expect(states[0]!.restoring).toBeUndefined();
});

test('with a stored account, the first state after restore() is the reconnection', async () => {
  const persistence = memoryPersistence();
  await persistence.saveAccount(storedAccount());
  const { manager, states } = managerWith(persistence);
  await manager.restore();
  expect(states[0]).toMatchObject({ status: 'offline', account: 'alice@example.org' });
  expect(states.some((s) => s.status === 'signedOut' || s.restoring)).toBe(false);
  await manager.signOut();
});

test('when the stored account cannot be read, restore() settles on signed out and fails', async () => {
  const persistence = memoryPersistence();
  persistence.loadAccount = () => Promise.reject(new SatchelError('storage-error'));
  const { manager, states } = managerWith(persistence);
  await expect(manager.restore()).rejects.toMatchObject({ code: 'storage-error' });
  expect(states.at(-1)?.status).toBe('signedOut');
  expect(manager.state().restoring).toBeUndefined();
});
