import { prefixRange } from './keyRange';
import { withDbErrors } from './mapDbError';
import type { SatchelDb } from './SatchelDb';

/** Every cached item id of a node, read from the primary key alone (no row is loaded). */
export function listNodeItemIds(
  db: SatchelDb,
  account: string,
  service: string,
  node: string,
): Promise<string[]> {
  return withDbErrors(async () => {
    const [lower, upper] = prefixRange([account, service, node], 1);
    const keys = await db.items
      .where('[account+service+node+itemId]')
      .between(lower, upper, true, true)
      .primaryKeys();
    return keys.map((key) => key[3]);
  });
}
