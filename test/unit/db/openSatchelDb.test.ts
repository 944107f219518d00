/**
 * Opening, upgrading and coordinating with other connections (a newer worker, an old tab).
 */
import { describe, expect, test } from 'vitest';
import { openSatchelDb } from '../../../src/db/openSatchelDb';
import { schemaVersions, type SchemaVersion } from '../../../src/db/versions';
import type { StorageState } from '../../../src/shared/protocol';
import { SatchelError } from '../../../src/shared/SatchelError';
import { createItemStore } from '../../../src/db/itemStore';
import { createAccountStore } from '../../../src/db/accountStore';
import * as data from './fixtures';
import { dumpTables } from './migrationCases/MigrationCase';

const current = schemaVersions.length;

/** A test-only next version that adds a table; its upgrade does whatever the test asks. */
function nextVersion(upgrade?: SchemaVersion['upgrade']): SchemaVersion[] {
  const next: SchemaVersion = { version: current + 1, name: 'testOnly', stores: { extra: '&id' } };
  if (upgrade) next.upgrade = upgrade;
  return [...schemaVersions, next];
}

/** Resolves when the callback has been told `status`; the recorded states are in `seen`. */
function storageStates() {
  const seen: StorageState['status'][] = [];
  const waiters: Array<{ status: StorageState['status']; resolve: () => void }> = [];
  const onStorageState = (state: StorageState) => {
    seen.push(state.status);
    for (const waiter of waiters.filter((w) => w.status === state.status)) waiter.resolve();
  };
  const told = (status: StorageState['status']) =>
    seen.includes(status)
      ? Promise.resolve()
      : new Promise<void>((resolve) => waiters.push({ status, resolve }));
  return { seen, onStorageState, told };
}

async function seeded(options: ReturnType<typeof data.isolatedDb>) {
  const db = await openSatchelDb(options);
  await Promise.all(data.accounts.map((a) => createAccountStore({ db }).put(a)));
  await createItemStore({ db }).upsertItems(data.ALICE, data.PUBSUB, 'events', data.newItems);
  const dump = await dumpTables(db);
  db.close();
  return dump;
}

describe('upgrade failure', () => {
  test('a rejecting upgrade fails as storage-upgrade-failed and leaves the previous data untouched', async () => {
    const options = data.isolatedDb();
    const before = await seeded(options);

    const failing = openSatchelDb({
      ...options,
      versions: nextVersion(async (tx) => {
        // Damage everything it can before failing: all of it must be rolled back.
        await tx.table('accounts').clear();
        await tx.table('items').toCollection().modify({ read: 1, xml: 'damaged' });
        await tx.table('extra').add({ id: 'half-done' });
        throw new Error('migration bug');
      }),
    });
    await expect(failing).rejects.toMatchObject({ code: 'storage-upgrade-failed' });
    await expect(failing).rejects.toThrow(`v${current + 1} testOnly: migration bug`);

    const db = await openSatchelDb(options);
    expect(db.verno).toBe(current);
    expect(db.tables.map((t) => t.name)).not.toContain('extra');
    expect(await dumpTables(db)).toEqual(before);
    db.close();
  });

  test('any other open failure is storage-error', async () => {
    const options = data.isolatedDb();
    // An IndexedDB that refuses to open at all (a browser in a mode without storage).
    const broken = {
      ...options,
      indexedDB: {
        open: () => {
          throw new DOMException('disk on fire', 'InvalidStateError');
        },
      } as unknown as IDBFactory,
    };
    const error = await openSatchelDb(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SatchelError);
    expect(error).toMatchObject({ code: 'storage-error' });
  });
});

describe('another connection upgrades', () => {
  test('old connections close and report versionChanged; the newer one opens', async () => {
    const options = data.isolatedDb();
    const first = storageStates();
    const second = storageStates();
    const old1 = await openSatchelDb({ ...options, onStorageState: first.onStorageState });
    const old2 = await openSatchelDb({ ...options, onStorageState: second.onStorageState });
    const newer = storageStates();

    const db = await openSatchelDb({
      ...options,
      versions: nextVersion(),
      onStorageState: newer.onStorageState,
    });
    await Promise.all([first.told('versionChanged'), second.told('versionChanged')]);
    expect(db.verno).toBe(current + 1);
    expect(old1.isOpen()).toBe(false);
    expect(old2.isOpen()).toBe(false);
    // Closed for good: the old schema is not silently re-opened against the new database.
    await expect(createAccountStore({ db: old1 }).list()).rejects.toMatchObject({
      code: 'storage-error',
    });
    expect(newer.seen).toEqual([]);
    db.close();
  });

  test('a deletion by another tab closes the connection and reports deleted, not an update', async () => {
    const options = data.isolatedDb();
    const states = storageStates();
    const db = await openSatchelDb({ ...options, onStorageState: states.onStorageState });
    await new Promise<void>((resolve, reject) => {
      const request = options.indexedDB!.deleteDatabase(options.name!);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(new Error(String(request.error)));
      request.onblocked = () => reject(new Error('deletion blocked: the engine did not close'));
    });
    await states.told('deleted');
    expect(states.seen).toEqual(['deleted']);
    expect(db.isOpen()).toBe(false);
  });

  test('an old connection that does not close makes the upgrade report blocked, then ok', async () => {
    const options = data.isolatedDb();
    (await openSatchelDb(options)).close();
    // A raw connection with no versionchange handler: it never closes by itself.
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = options.indexedDB!.open(options.name!);
      request.onsuccess = () => {
        resolve(request.result);
      };
      request.onerror = () => {
        reject(request.error ?? new Error('open failed'));
      };
    });
    const newer = storageStates();

    const opening = openSatchelDb({
      ...options,
      versions: nextVersion(),
      onStorageState: newer.onStorageState,
    });
    await newer.told('blocked');
    raw.close();
    const db = await opening;
    expect(newer.seen).toEqual(['blocked', 'ok']);
    expect(db.verno).toBe(current + 1);
    db.close();
  });
});
