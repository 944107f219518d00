import type { Page } from 'playwright-core';
import type { NodeAddress } from '../../../src/shared/protocol';
import type { AwayChanges } from './awayChanges';
import type { BenchProsody } from './benchProsody';
import { discoItemIds } from './discoItemIds';

export interface CacheCheck {
  cachedIds: number;
  serverIds: number;
  /** The cached ids are exactly the ids the server lists. */
  idsEqual: boolean;
  /** Edited posts whose cached copy (read from the cache) carries the new title. */
  editsSeen: number;
  /** The node's count as the worker reports it. */
  itemCount: number;
}

/** The reader's cache of `address` against the server, after a catch-up of `changes`. */
export async function cacheMatchesServer(
  page: Page,
  prosody: BenchProsody,
  at: NodeAddress & { account: string },
  changes: AwayChanges,
): Promise<CacheCheck> {
  const address = { service: at.service, node: at.node };
  const server = (await discoItemIds(prosody.publisher, at.service, at.node)).sort();
  const cached = await page.evaluate((key) => window.satchelBench.cachedItemIds(key), at);
  const edited = (await page.evaluate(
    ([a, ids]) => window.satchelBench.call('pubsub.getItems', { ...a, itemIds: ids }),
    [address, changes.edited] as const,
  )) as { source: string; items: Array<{ xml: string }> };
  const { node } = (await page.evaluate(
    (a) => window.satchelBench.call('cache.getNode', a),
    address,
  )) as { node: { itemCount?: number } | null };
  const editsSeen =
    edited.source === 'cache'
      ? edited.items.filter((item) => item.xml.includes(changes.editMark)).length
      : 0;
  return {
    cachedIds: cached.length,
    serverIds: server.length,
    idsEqual: JSON.stringify(cached) === JSON.stringify(server),
    editsSeen,
    itemCount: node?.itemCount ?? -1,
  };
}
