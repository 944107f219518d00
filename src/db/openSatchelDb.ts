/**
 * Opens (creating or upgrading) Satchel's database. Only the service worker calls this; the
 * worker then hands the database to the stores. Schema versions are migrations: see
 * src/db/versions and docs/schema-versions.md.
 */
import { Dexie, type DexieOptions } from 'dexie';
import { SatchelError } from '../shared/SatchelError';
import type { StorageState } from '../shared/protocol';
import { hasErrorNamed, mapDbError } from './mapDbError';
import type { SatchelDb } from './SatchelDb';
import { nodeCountsSync } from './nodeCountsSync';
import { postingsSync, searchDocsSync } from './search';
import { schemaVersions, type SchemaVersion } from './versions';

export interface OpenSatchelDbOptions {
  name?: string;
  /** IndexedDB implementation (tests pass fake-indexeddb's); the global one by default. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** Told when another context upgrades the database ('versionChanged': this connection is now
   * closed, the page must reload), when our upgrade waits for old connections ('blocked'), and
   * 'ok' when a blocked open finally succeeds. */
  onStorageState?: (state: StorageState) => void;
  /** The versions to declare: all of them, except in tests (an older prefix, or one more). */
  versions?: readonly SchemaVersion[];
}

function dexieOptions(options: OpenSatchelDbOptions): DexieOptions {
  // Only the defined ones: Dexie spreads its options, and an explicit undefined would erase the
  // global IndexedDB default.
  const result: DexieOptions = {};
  if (options.indexedDB) result.indexedDB = options.indexedDB;
  if (options.IDBKeyRange) result.IDBKeyRange = options.IDBKeyRange;
  return result;
}

/**
 * Resolves with the open database, or rejects with SatchelError 'storage-upgrade-failed' (the
 * upgrade transaction was aborted, so the previous version's data is untouched) or
 * 'storage-error' / 'storage-full'. While other connections block an upgrade it keeps waiting:
 * the user resolves that by closing the old tab, which the 'blocked' state asks for.
 */
export async function openSatchelDb(options: OpenSatchelDbOptions = {}): Promise<SatchelDb> {
  const { name = 'satchel', versions = schemaVersions, onStorageState = () => undefined } = options;
  const db = new Dexie(name, dexieOptions(options)) as SatchelDb;
  // Set by the migration that failed (an object: TypeScript does not see closure assignments).
  const upgradeFailure: { in?: SchemaVersion } = {};

  for (const version of versions) {
    const declared = db.version(version.version).stores(version.stores);
    const { upgrade } = version;
    if (upgrade) {
      // Remember which migration failed. Its rejection propagates, so IndexedDB aborts the
      // whole versionchange transaction and rolls every version of this upgrade back.
      declared.upgrade(async (tx) => {
        try {
          await upgrade(tx);
        } catch (error) {
          upgradeFailure.in = version;
          throw error;
        }
      });
    }
  }

  // Deleting items deletes their search docs in the same transaction (schema v4).
  db.use(searchDocsSync);
  // Writing or deleting search docs keeps the word index in step (schema v10), below the above.
  db.use(postingsSync);
  // Writing items keeps each node's item and unread counts in the same transaction (schema v5).
  db.use(nodeCountsSync);

  // A newer worker or page is upgrading the database. Close for good (Dexie's default handler
  // closes but re-opens on the next query, which would run this old schema against the new
  // database) and let the UI ask for a reload. Returning false skips that default handler.
  // A deletion (another tab's deleteDatabase, or site data cleared) comes the same way, with
  // no new version: reloading pages would not help, the engine must open a new database.
  db.on('versionchange', (event: IDBVersionChangeEvent) => {
    db.close({ disableAutoOpen: true });
    onStorageState(
      event.newVersion === null
        ? { status: 'deleted', error: new SatchelError('storage-deleted').toData() }
        : {
            status: 'versionChanged',
            error: new SatchelError('storage-version-changed').toData(),
          },
    );
    return false;
  });

  const openState = { blocked: false };
  db.on('blocked', () => {
    openState.blocked = true;
    onStorageState({ status: 'blocked', error: new SatchelError('storage-blocked').toData() });
    return false;
  });

  try {
    await db.open();
  } catch (error) {
    const failed = upgradeFailure.in;
    if (failed || hasErrorNamed(error, 'UpgradeError')) {
      const where = failed ? `v${failed.version} ${failed.name}: ` : '';
      const reason = error instanceof Error ? error.message : String(error);
      throw new SatchelError('storage-upgrade-failed', where + reason, { cause: error });
    }
    throw mapDbError(error);
  }
  if (openState.blocked) onStorageState({ status: 'ok' });
  return db;
}
