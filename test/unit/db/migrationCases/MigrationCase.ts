import type { Dexie } from 'dexie';

/**
 * How the migration to one schema version is tested (docs/schema-versions.md): `seed` writes
 * representative rows into a database declared at the version before, with that version's row
 * shapes written out literally (never built by current code, which will have moved on);
 * `verify` runs on the same database opened at this version.
 */
export interface MigrationCase {
  seed(db: Dexie): Promise<void>;
  verify(db: Dexie): Promise<void>;
}

/** Every row of every table, in primary-key order, for whole-database comparisons. */
export async function dumpTables(db: Dexie): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of db.tables) dump[table.name] = await table.toArray();
  return dump;
}
