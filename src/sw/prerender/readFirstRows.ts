import { itemRecordToView } from '../../cache/toViews';
import type { ItemStore } from '../../db/itemStore';
import type { NodeStore } from '../../db/nodeStore';
import type { ItemView, NodeAddress } from '../../shared/protocol';

/** The feed's first page, as ui/views/feed/feedSnapshot.ts asks for it (PAGE_SIZE). */
const FIRST_PAGE = 20;

/**
 * The newest items of a feed the page will read from the cache, with the feed's size; undefined
 * for any other feed. The cache gate's rule (cache/createPubsubCache.ts): only a completed sync
 * is read from the cache. Only microblog posts have rows the worker can write without a DOM.
 */
export async function readFirstRows(
  stores: { nodes: NodeStore; items: ItemStore },
  account: string,
  address: NodeAddress,
): Promise<{ items: ItemView[]; total: number } | undefined> {
  const key = { account, ...address };
  const node = await stores.nodes.get(key);
  if (node?.syncState !== 'completed' || node.analyser !== 'microblog') return undefined;
  const page = await stores.items.queryItems({
    ...key,
    orderBy: 'created',
    direction: 'desc',
    max: FIRST_PAGE,
  });
  return { items: page.items.map(itemRecordToView), total: page.total };
}
