/**
 * Runs a unit of work over the whole database as ONE read-write transaction: the stores it
 * calls open their own transactions, which Dexie nests in this one, so everything commits
 * together or nothing does (an import that fails half-way, a full disk, leaves the cache
 * exactly as before: issue 15). Only IndexedDB requests may be awaited inside (platform-facts).
 */
import { withDbErrors } from './mapDbError';
import type { SatchelDb } from './SatchelDb';

export function inOneTransaction<T>(db: SatchelDb, work: () => Promise<T>): Promise<T> {
  return withDbErrors(() => db.transaction('rw', db.tables, work));
}
