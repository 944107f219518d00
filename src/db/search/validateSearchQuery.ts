/**
 * Checks a SearchQuery that may come from a page over the RPC, so a malformed one fails as
 * 'bad-request' rather than as an IndexedDB DataError or a wrong answer.
 */
import { SatchelError } from '../../shared/SatchelError';
import { SEARCH_LIMITS } from '../../shared/searchLimits';
import type { FieldCondition } from '../../shared/itemQuery';
import type { SearchQuery, TimeRange } from '../../shared/searchQuery';
import { validateItemQuery } from '../query';

const ORDERS = new Set<unknown>(['relevance', 'created', 'updated', 'field']);
const DIRECTIONS = new Set<unknown>(['asc', 'desc']);
const { maxOffset: MAX_SEARCH_OFFSET, maxPage: MAX_SEARCH_PAGE } = SEARCH_LIMITS;

const isInt = (v: unknown, min: number, max: number): boolean =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isStrings = (v: unknown): boolean =>
  v === undefined || (Array.isArray(v) && v.every((s) => typeof s === 'string'));
const isRange = (v: TimeRange | undefined): boolean =>
  v === undefined ||
  (typeof v === 'object' &&
    [v.from, v.to].every((t) => t === undefined || (typeof t === 'number' && Number.isFinite(t))));

export function validateSearchQuery(q: SearchQuery): void {
  const problems: string[] = [];
  if (typeof q.account !== 'string') problems.push('account must be a string');
  if (q.text !== undefined && typeof q.text !== 'string') problems.push('text must be a string');
  if (!ORDERS.has(q.orderBy)) problems.push('orderBy must be relevance, created, updated or field');
  if (!DIRECTIONS.has(q.direction)) problems.push('direction must be asc or desc');
  if (!isInt(q.offset, 0, MAX_SEARCH_OFFSET))
    problems.push(`offset must be 0 to ${MAX_SEARCH_OFFSET}`);
  if (!isInt(q.max, 1, MAX_SEARCH_PAGE)) problems.push(`max must be 1 to ${MAX_SEARCH_PAGE}`);
  if (q.orderBy === 'field') {
    if (typeof q.orderField !== 'string') problems.push('orderBy field needs orderField');
    // The field index is per node: a parsed field has no order across nodes (docs/search.md).
    if (q.nodes?.length !== 1) problems.push('ordering by a parsed field needs exactly one node');
  }
  for (const list of ['services', 'types', 'subtypes'] as const)
    if (!isStrings(q[list])) problems.push(`${list} must be a list of strings`);
  if (
    q.nodes !== undefined &&
    !(
      Array.isArray(q.nodes) &&
      q.nodes.every((n) => typeof n.service === 'string' && typeof n.node === 'string')
    )
  )
    problems.push('nodes must be a list of {service, node}');
  if (q.publisher !== undefined && typeof q.publisher !== 'string')
    problems.push('publisher must be a string');
  if (q.pinned !== undefined && typeof q.pinned !== 'boolean')
    problems.push('pinned must be a boolean');
  if (!isRange(q.created) || !isRange(q.updated))
    problems.push('created and updated take {from, to} epoch ms');
  const conditions = q.conditions ?? [];
  if (!Array.isArray(conditions)) problems.push('conditions must be a list');
  const contains = conditions.filter((c) => c.op === 'contains');
  for (const c of contains)
    if (typeof c.field !== 'string' || typeof c.value !== 'string' || c.value === '')
      problems.push('contains takes a field and a non-empty text');
  if (problems.length > 0) throw new SatchelError('bad-request', problems.join('; '));
  // The other conditions' rules are queryItems' (src/shared/itemQuery.ts).
  validateItemQuery({
    account: q.account,
    service: '',
    node: '',
    orderBy: 'created',
    direction: 'desc',
    max: 0,
    conditions: conditions.filter((c): c is FieldCondition => c.op !== 'contains'),
  });
}
