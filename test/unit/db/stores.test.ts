/** Accounts, resumption state, settings and nodes. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createAccountStore } from '../../../src/db/accountStore';
import { createItemStore } from '../../../src/db/itemStore';
import { createNodeStore } from '../../../src/db/nodeStore';
import { openSatchelDb } from '../../../src/db/openSatchelDb';
import { createResumptionStore } from '../../../src/db/resumptionStore';
import type { SatchelDb } from '../../../src/db/SatchelDb';
import { createSettingsStore } from '../../../src/db/settingsStore';
import * as data from './fixtures';

let db: SatchelDb;
beforeEach(async () => {
  db = await openSatchelDb(data.isolatedDb());
});
afterEach(() => {
  db.close();
});

test('accounts: put, get, list, delete', async () => {
  const accounts = createAccountStore({ db });
  for (const account of data.accounts) await accounts.put(account);
  expect(await accounts.get(data.ALICE)).toEqual(data.accounts[0]);
  expect(await accounts.list()).toEqual(data.accounts);
  await accounts.put({ ...data.accounts[0]!, staySignedIn: false });
  expect((await accounts.get(data.ALICE))?.staySignedIn).toBe(false);
  await accounts.delete(data.ALICE);
  expect(await accounts.get(data.ALICE)).toBeUndefined();
  expect(await accounts.list()).toHaveLength(1);
});

test('resumption: put replaces, delete forgets', async () => {
  const resumption = createResumptionStore({ db });
  await resumption.put(data.resumption);
  await resumption.put({ ...data.resumption, inbound: 18 });
  expect(await resumption.get(data.ALICE)).toEqual({ ...data.resumption, inbound: 18 });
  await resumption.delete(data.ALICE);
  expect(await resumption.get(data.ALICE)).toBeUndefined();
});

describe('settings', () => {
  test('get and set any structured-cloneable value', async () => {
    const settings = createSettingsStore({ db });
    expect(await settings.get('theme')).toBeUndefined();
    await settings.set('theme', { dark: true, sizes: [1, 2] });
    expect(await settings.get<{ dark: boolean }>('theme')).toEqual({ dark: true, sizes: [1, 2] });
  });

  test('installResource is created once and then stable, even when asked concurrently', async () => {
    let made = 0;
    const settings = createSettingsStore({ db, randomSuffix: () => `0000000${++made}` });
    const concurrent = await Promise.all([settings.installResource(), settings.installResource()]);
    expect(concurrent).toEqual(['satchel-00000001', 'satchel-00000001']);
    expect(await createSettingsStore({ db }).installResource()).toBe('satchel-00000001');
  });

  test('the default resource is satchel- and 8 hex digits', async () => {
    expect(await createSettingsStore({ db }).installResource()).toMatch(/^satchel-[0-9a-f]{8}$/);
  });
});

describe('nodes', () => {
  const nodes = () => createNodeStore({ db });
  beforeEach(async () => {
    for (const node of data.nodes) await nodes().put(node);
  });

  test('get returns the record as put, followed as a boolean', async () => {
    for (const node of data.nodes) expect(await nodes().get(node)).toEqual(node);
    expect(
      await nodes().get({ account: data.ALICE, service: data.PUBSUB, node: 'nope' }),
    ).toBeUndefined();
  });

  test('listByAccount, listFollowed, listBySyncState', async () => {
    const names = (list: Array<{ node: string }>) => list.map((n) => n.node).sort();
    expect(names(await nodes().listByAccount(data.ALICE))).toEqual(
      [data.UNICODE_NODE, 'events', data.BLOG].sort(),
    );
    expect(names(await nodes().listByAccount(data.BOB))).toEqual(['', 'events']);
    expect(names(await nodes().listFollowed(data.ALICE))).toEqual(['events', data.BLOG].sort());
    expect(await nodes().listFollowed(data.BOB)).toEqual([]);
    expect(names(await nodes().listBySyncState(data.ALICE, 'error'))).toEqual([data.UNICODE_NODE]);
    expect(names(await nodes().listBySyncState(data.BOB, 'inProgress'))).toEqual(['events']);
  });

  test('patch changes some fields, removes those set to undefined, converts followed', async () => {
    const key = data.nodes[1]!;
    expect(
      await nodes().patch(key, { followed: true, syncState: 'completed', syncError: undefined }),
    ).toBe(true);
    const patched = await nodes().get(key);
    expect(patched).toMatchObject({ followed: true, syncState: 'completed' });
    expect(patched).not.toHaveProperty('syncError');
    expect(await nodes().listFollowed(data.ALICE)).toHaveLength(3);
    expect(await nodes().patch({ ...key, node: 'nope' }, { followed: true })).toBe(false);
  });

  test("delete removes the node and its items, nobody else's", async () => {
    const items = createItemStore({ db });
    const events = data.nodes[2]!;
    await items.upsertItems(data.ALICE, data.PUBSUB, 'events', data.newItems);
    await items.upsertItems(data.BOB, data.PUBSUB, 'events', data.newItems);
    await nodes().delete(events);
    expect(await nodes().get(events)).toBeUndefined();
    expect(await items.countItems(data.ALICE, data.PUBSUB, 'events')).toBe(0);
    expect(await items.countItems(data.BOB, data.PUBSUB, 'events')).toBe(data.newItems.length);
  });
});
