/**
 * A full disk: Dexie reports an AbortError wrapping the QuotaExceededError (platform-facts).
 * It must surface as 'storage-full', and the failed batch must leave nothing behind.
 */
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createItemStore, type ItemStore } from '../../../src/db/itemStore';
import { mapDbError } from '../../../src/db/mapDbError';
import { openSatchelDb } from '../../../src/db/openSatchelDb';
import type { SatchelDb } from '../../../src/db/SatchelDb';
import { SatchelError } from '../../../src/shared/SatchelError';
import { instrument, quotaOnNextItemWrite } from './dbCoreSpies';
import { dumpTables } from './migrationCases/MigrationCase';
import { ALICE, PUBSUB, isolatedDb, newItems } from './fixtures';

describe('mapDbError', () => {
  const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

  test.each([
    [
      'an AbortError wrapping it (a transaction)',
      () => new Dexie.AbortError('Transaction aborted', quota()),
    ],
    [
      'a BulkError listing it (a bulk write outside a transaction)',
      () => new Dexie.BulkError('1 of 2 failed', [quota()]),
    ],
    ['the bare QuotaExceededError', quota],
  ])('QuotaExceededError as %s is storage-full', (_how, make) => {
    expect(mapDbError(make())).toMatchObject({ code: 'storage-full' });
  });

  test('anything else is storage-error with the cause kept; a SatchelError stays itself', () => {
    const failure = new Dexie.AbortError(
      'Transaction aborted',
      new DOMException('x', 'UnknownError'),
    );
    const mapped = mapDbError(failure);
    expect(mapped).toMatchObject({ code: 'storage-error', cause: failure });
    const own = new SatchelError('item-not-found');
    expect(mapDbError(own)).toBe(own);
  });
});

describe('a write that hits the quota', () => {
  let db: SatchelDb;
  let items: ItemStore;
  const quota = quotaOnNextItemWrite();

  beforeEach(async () => {
    db = await openSatchelDb(isolatedDb());
    await instrument(db, quota.middleware);
    items = createItemStore({ db, now: () => 5 });
    await items.upsertItems(ALICE, PUBSUB, 'events', newItems.slice(0, 2));
  });
  afterEach(() => {
    db.close();
  });

  test('fails as storage-full and leaves nothing of the batch: no new row, no changed row, no seq', async () => {
    const before = await dumpTables(db);
    quota.state.armed = true;
    const batch = [
      { itemId: 'post-1', xml: '<item id="post-1"><changed/></item>' },
      ...newItems.slice(2),
    ];
    const error = await items.upsertItems(ALICE, PUBSUB, 'events', batch).catch((e: unknown) => e);
    expect(quota.state.fired).toBe(1);
    // The failure had the browser's shape, and was mapped.
    expect(error).toBeInstanceOf(SatchelError);
    expect(error).toMatchObject({ code: 'storage-full' });
    expect((error as SatchelError).cause).toMatchObject({
      name: 'AbortError',
      inner: { name: 'QuotaExceededError' },
    });
    expect(await dumpTables(db)).toEqual(before);
  });

  test('the same batch succeeds once space is free', async () => {
    quota.state.armed = true;
    await expect(items.upsertItems(ALICE, PUBSUB, 'events', newItems)).rejects.toMatchObject({
      code: 'storage-full',
    });
    expect(await items.upsertItems(ALICE, PUBSUB, 'events', newItems)).toEqual({
      added: newItems.slice(2).map((i) => i.itemId),
      changed: [],
    });
    expect(await items.countItems(ALICE, PUBSUB, 'events')).toBe(newItems.length);
  });
});
