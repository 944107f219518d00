/**
 * What the DBCore middlewares (searchDocsSync.ts, nodeCountsSync.ts) share: Dexie's key range
 * types, the node part of an item key, and widening item writes to their tables.
 */
import type { DBCore, DBCoreRangeType } from 'dexie';
import type { NodeKey } from './SatchelDb';

// DBCoreRangeType is a const enum, whose values isolated modules cannot read: written out.
/* eslint-disable @typescript-eslint/no-unsafe-enum-assignment -- the enum's own values */
export const EQUAL = 1 as DBCoreRangeType.Equal;
export const RANGE = 2 as DBCoreRangeType.Range;
export const ANY = 3 as DBCoreRangeType.Any;
/* eslint-enable @typescript-eslint/no-unsafe-enum-assignment */

/** [account, service, node] of an item key (or of a range bound built like one). */
export const nodeKeyOf = (key: unknown): NodeKey | undefined =>
  Array.isArray(key) && key.length >= 3
    ? [key[0] as string, key[1] as string, key[2] as string]
    : undefined;

/**
 * A DBCore `transaction` whose read-write transactions over `items` also cover `tables`, so a
 * middleware can keep them in step in the same transaction as the item write.
 */
export const widenItemWrites =
  (down: DBCore, tables: readonly string[]): DBCore['transaction'] =>
  (stores, mode, options) =>
    down.transaction(
      mode === 'readwrite' && stores.includes('items')
        ? [...new Set([...stores, ...tables])]
        : stores,
      mode,
      options,
    );
