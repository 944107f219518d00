import type { MaintenanceStore } from '../db/createMaintenanceStore';
import type { RpcRouter } from '../rpc/server/createRpcRouter';
import { buildSearchHit } from '../search/buildSearchHit';
import { parseSearchText } from '../search/parseSearchText';
import type { SearchParams } from '../shared/protocol';
import type { SearchQuery } from '../shared/searchQuery';
import { searchParams } from './validators/searchValidators';

export interface SearchMethodsDeps {
  /** The search store of the current database (built in startEngine.ts). */
  maintenance: () => Promise<MaintenanceStore>;
  account: () => string;
}

function toQuery(account: string, p: SearchParams): SearchQuery {
  const text = p.text?.trim() ?? '';
  const { text: _text, offset, max, orderBy, direction, ...filters } = p;
  return {
    account,
    ...filters,
    ...(text !== '' && { text }),
    orderBy: orderBy ?? (text === '' ? 'created' : 'relevance'),
    direction: direction ?? 'desc',
    offset: offset ?? 0,
    max: max ?? 20,
  };
}

/** The `search.*` methods (issue 7; docs/search.md); both act for the signed-in account. */
export function registerSearchMethods(router: RpcRouter, deps: SearchMethodsDeps): void {
  router.handle('search.query', searchParams, async (p) => {
    const started = performance.now();
    const query = toQuery(deps.account(), p);
    const maintenance = await deps.maintenance();
    const page = await maintenance.search(query);
    const terms = parseSearchText(query.text ?? '').required;
    const indexing = query.text !== undefined && (await maintenance.hasQueuedWords(query.account));
    return {
      ...(indexing && { indexing: true as const }),
      hits: page.items.map((item) => buildSearchHit(item, terms)),
      total: page.total,
      totalExact: page.totalExact,
      offset: page.offset,
      hasMore: page.hasMore,
      plan: page.plan,
      tookMs: Math.round((performance.now() - started) * 10) / 10,
    };
  });
  router.handle('search.count', searchParams, async (p) => ({
    total: await (await deps.maintenance()).count(toQuery(deps.account(), p)),
  }));
}
