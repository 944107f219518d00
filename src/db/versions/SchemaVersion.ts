import type { Transaction } from 'dexie';

/**
 * One version of the database schema, a migration (docs/schema-versions.md). Released versions
 * are never edited: a change is a new version appended to `schemaVersions`.
 */
export interface SchemaVersion {
  /** Dexie version number: consecutive integers from 1. */
  version: number;
  /** The change, in camelCase, as in the file name v<version><Name>.ts. */
  name: string;
  /** Dexie store declarations of the tables this version adds or changes (null deletes one). */
  stores: Record<string, string | null>;
  /** Migrates existing rows. Must return the promise of its work, so a failure aborts the upgrade. */
  upgrade?: (tx: Transaction) => Promise<void>;
}
