/**
 * Every schema version's migration, from data written at the version before; and a database
 * written by the current version reads back identically after reopening.
 */
import { describe, expect, test } from 'vitest';
import { createAccountStore } from '../../../src/db/accountStore';
import { createItemStore } from '../../../src/db/itemStore';
import { createNodeStore } from '../../../src/db/nodeStore';
import { openSatchelDb } from '../../../src/db/openSatchelDb';
import { createResumptionStore } from '../../../src/db/resumptionStore';
import { createSettingsStore } from '../../../src/db/settingsStore';
import { schemaVersions } from '../../../src/db/versions';
import * as data from './fixtures';
import { dumpTables } from './migrationCases/MigrationCase';
import { migrationCases } from './migrationCases';

const current = schemaVersions[schemaVersions.length - 1]!;
const upgrades = schemaVersions.slice(1);

function caseFor(version: number) {
  const found = migrationCases[version];
  if (!found)
    throw new Error(
      `No migration case for v${version}: add test/unit/db/migrationCases/v${version}<Name>.ts`,
    );
  return found;
}

test('every version above 1 has a migration case', () => {
  expect(Object.keys(migrationCases).map(Number)).toEqual(upgrades.map((v) => v.version));
});

describe.each(upgrades)('migration to v$version ($name)', (version) => {
  test('rows written at the version before arrive intact and transformed', async () => {
    const options = data.isolatedDb();
    const before = await openSatchelDb({
      ...options,
      versions: schemaVersions.slice(0, version.version - 1),
    });
    await caseFor(version.version).seed(before);
    before.close();

    const after = await openSatchelDb({
      ...options,
      versions: schemaVersions.slice(0, version.version),
    });
    expect(after.verno).toBe(version.version);
    await caseFor(version.version).verify(after);
    after.close();
  });

  test('the current code opens that older database and loses no row', async () => {
    const options = data.isolatedDb();
    const before = await openSatchelDb({
      ...options,
      versions: schemaVersions.slice(0, version.version - 1),
    });
    await caseFor(version.version).seed(before);
    const counts = Object.fromEntries(
      await Promise.all(before.tables.map(async (t) => [t.name, await t.count()] as const)),
    );
    before.close();

    const db = await openSatchelDb(options);
    expect(db.verno).toBe(current.version);
    for (const [table, count] of Object.entries(counts))
      expect(await db.table(table).count(), table).toBe(count);
    db.close();
  });
});

test('a database written by the current version reads back identically after reopening', async () => {
  const options = data.isolatedDb();
  const db = await openSatchelDb(options);
  const items = createItemStore({ db, now: () => 42 });
  await Promise.all(data.accounts.map((a) => createAccountStore({ db }).put(a)));
  await createResumptionStore({ db }).put(data.resumption);
  const resource = await createSettingsStore({ db }).installResource();
  await Promise.all(data.nodes.map((n) => createNodeStore({ db }).put(n)));
  await items.upsertItems(data.ALICE, data.PUBSUB, 'events', data.newItems);
  await items.upsertItems(data.BOB, data.BOB, '', data.newItems.slice(0, 2));
  await items.setRead(data.ALICE, data.PUBSUB, 'events', ['post-1'], true);
  const written = await dumpTables(db);
  const page = await items.queryItems({ ...data.eventsQuery, max: 10 });
  db.close();

  const reopened = await openSatchelDb(options);
  expect(await dumpTables(reopened)).toEqual(written);
  expect(await createAccountStore({ db: reopened }).list()).toEqual(
    expect.arrayContaining(data.accounts),
  );
  expect(await createResumptionStore({ db: reopened }).get(data.ALICE)).toEqual(data.resumption);
  expect(await createSettingsStore({ db: reopened }).installResource()).toBe(resource);
  for (const node of data.nodes)
    expect(await createNodeStore({ db: reopened }).get(node)).toEqual(node);
  expect(
    await createItemStore({ db: reopened }).queryItems({ ...data.eventsQuery, max: 10 }),
  ).toEqual(page);
  reopened.close();
});
