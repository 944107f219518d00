import type { SatchelDb } from '../db/SatchelDb';

/** Builds something from the current database once, and again when the database changes. */
export function perDatabase<T>(
  database: () => Promise<SatchelDb>,
  build: (db: SatchelDb) => T,
): () => Promise<T> {
  const built = new WeakMap<SatchelDb, T>();
  return async () => {
    const db = await database();
    let value = built.get(db);
    if (value === undefined) {
      value = build(db);
      built.set(db, value);
    }
    return value;
  };
}
