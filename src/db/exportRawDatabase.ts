/**
 * Every record of a database as JSON, read with the plain IndexedDB API at whatever version it
 * is, without declaring a schema: the way out when an upgrade failed and the user wants their
 * data before resetting (issue 3). Read-only.
 */
export async function exportRawDatabase(
  name = 'satchel',
  factory: IDBFactory = indexedDB,
): Promise<string> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
    // Opening without a version never upgrades, except when the database does not exist yet.
    request.onupgradeneeded = () => request.transaction?.abort();
  });
  try {
    const stores: Record<string, Array<{ key: IDBValidKey; value: unknown }>> = {};
    for (const storeName of Array.from(db.objectStoreNames)) {
      const store = db.transaction(storeName, 'readonly').objectStore(storeName);
      const [keys, values] = await Promise.all([
        request(store.getAllKeys()),
        request<unknown[]>(store.getAll()),
      ]);
      stores[storeName] = keys.map((key, i) => ({ key, value: values[i] }));
    }
    return JSON.stringify({
      format: 'satchel-raw-export',
      database: name,
      version: db.version,
      exportedAt: new Date().toISOString(),
      stores,
    });
  } finally {
    db.close();
  }
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('read failed'));
  });
}
