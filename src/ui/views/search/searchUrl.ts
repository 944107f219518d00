/**
 * The search's state is its URL (bookmarkable, and it works offline: the worker serves the app
 * shell for any path): /search?q=words&service=S&node=N&type=T&order=created&dir=asc
 * &from=2026-01-01&to=2026-02-01&pinned=1&page=2.
 */
import type { SearchParams } from '../../../shared/protocol';
import type { SearchOrder } from '../../../shared/searchQuery';

export const PAGE_SIZE = 20;

export interface SearchState {
  q: string;
  service?: string;
  node?: string;
  type?: string;
  order?: SearchOrder;
  dir?: 'asc';
  /** yyyy-mm-dd, inclusive, in local time. */
  from?: string;
  to?: string;
  pinned?: boolean;
  /** 1-based. */
  page: number;
}

const ORDERS = new Set<string>(['relevance', 'created', 'updated']);
const DAY = /^\d{4}-\d{2}-\d{2}$/u;

export function readSearchState(search: string): SearchState {
  const p = new URLSearchParams(search);
  const text = (name: string) => {
    const value = p.get(name)?.trim();
    return value ? value : undefined;
  };
  const state: SearchState = { q: p.get('q') ?? '', page: 1 };
  const service = text('service');
  if (service !== undefined) state.service = service;
  const node = p.get('node');
  if (service !== undefined && node !== null) state.node = node;
  const type = text('type');
  if (type !== undefined) state.type = type;
  const order = text('order');
  if (order !== undefined && ORDERS.has(order)) state.order = order as SearchOrder;
  if (p.get('dir') === 'asc') state.dir = 'asc';
  const from = text('from');
  if (from !== undefined && DAY.test(from)) state.from = from;
  const to = text('to');
  if (to !== undefined && DAY.test(to)) state.to = to;
  if (p.get('pinned') === '1') state.pinned = true;
  const page = Number(p.get('page'));
  if (Number.isInteger(page) && page > 1 && page <= 500) state.page = page;
  return state;
}

export function searchHref(state: Partial<SearchState>): string {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  if (state.service !== undefined) p.set('service', state.service);
  if (state.service !== undefined && state.node !== undefined) p.set('node', state.node);
  if (state.type) p.set('type', state.type);
  if (state.order) p.set('order', state.order);
  if (state.dir) p.set('dir', state.dir);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.pinned) p.set('pinned', '1');
  if (state.page !== undefined && state.page > 1) p.set('page', String(state.page));
  const query = p.toString();
  return query === '' ? '/search' : `/search?${query}`;
}

/** Local midnight of a yyyy-mm-dd day; `end` gives the last millisecond of that day. */
function dayMs(day: string, end: boolean): number {
  const [y, m, d] = day.split('-').map(Number);
  const start = new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1).getTime();
  return end ? start + 86_400_000 - 1 : start;
}

export function toSearchParams(state: SearchState): SearchParams {
  const params: SearchParams = { offset: (state.page - 1) * PAGE_SIZE, max: PAGE_SIZE };
  if (state.q.trim() !== '') params.text = state.q;
  if (state.service !== undefined && state.node !== undefined)
    params.nodes = [{ service: state.service, node: state.node }];
  else if (state.service !== undefined) params.services = [state.service];
  if (state.type) params.types = [state.type];
  if (state.order) params.orderBy = state.order;
  if (state.dir) params.direction = state.dir;
  if (state.from || state.to) {
    params.created = {};
    if (state.from) params.created.from = dayMs(state.from, false);
    if (state.to) params.created.to = dayMs(state.to, true);
  }
  if (state.pinned) params.pinned = true;
  return params;
}
