import { createItemStore } from '../db/itemStore';
import { createNodeStore } from '../db/nodeStore';
import type { SatchelDb } from '../db/SatchelDb';
import type { CacheDeps } from '../cache/CacheDeps';

/** The cache's stores over the opened database. */
export async function createCacheStores(
  database: Promise<SatchelDb>,
): Promise<Pick<CacheDeps, 'nodes' | 'items'>> {
  const db = await database;
  return {
    nodes: createNodeStore({ db }),
    items: createItemStore({ db }),
  };
}
