/**
 * Checks an ItemQuery that may come from a page over the RPC, so a malformed one fails as
 * 'bad-request' rather than as an IndexedDB DataError (or, worse, a wrong answer).
 */
import type { FieldCondition, ItemQuery } from '../../shared/itemQuery';
import { SatchelError } from '../../shared/SatchelError';
import { isIndexableFacet } from '../itemRows';

const ORDERS = new Set<unknown>(['created', 'updated', 'seq']);
const DIRECTIONS = new Set<unknown>(['asc', 'desc']);
const SCALAR_OPS = new Set<unknown>(['==', '!=', '<', '<=', '>', '>=']);
const LIST_OPS = new Set<unknown>(['in', 'not_in', 'overlap', 'disjoint']);

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function conditionProblem(condition: FieldCondition): string | undefined {
  const { field, op, value } = condition as { field: unknown; op: unknown; value: unknown };
  if (typeof field !== 'string') return 'field must be a string';
  if (SCALAR_OPS.has(op)) {
    return isIndexableFacet(value)
      ? undefined
      : `${field} ${String(op)}: value must be a string or number`;
  }
  if (LIST_OPS.has(op)) {
    return Array.isArray(value) && value.every(isIndexableFacet)
      ? undefined
      : `${field} ${String(op)}: value must be a list of strings or numbers`;
  }
  if (op === 'between') {
    const ok =
      Array.isArray(value) &&
      value.length === 2 &&
      isIndexableFacet(value[0]) &&
      typeof value[0] === typeof value[1];
    return ok ? undefined : `${field} between: value must be [low, high] of one type`;
  }
  return `unknown operator ${String(op)}`;
}

export function validateItemQuery(query: ItemQuery): void {
  const problems: string[] = [];
  for (const part of ['account', 'service', 'node'] as const) {
    if (typeof query[part] !== 'string') problems.push(`${part} must be a string`);
  }
  if (!ORDERS.has(query.orderBy)) problems.push('orderBy must be created, updated or seq');
  if (!DIRECTIONS.has(query.direction)) problems.push('direction must be asc or desc');
  if (!isCount(query.max)) problems.push('max must be an integer >= 0');
  if (query.index !== undefined && !isCount(query.index))
    problems.push('index must be an integer >= 0');
  if (query.after !== undefined && typeof query.after !== 'string')
    problems.push('after must be an item id');
  if (query.before !== undefined && typeof query.before !== 'string')
    problems.push('before must be an item id');
  for (const condition of query.conditions ?? []) {
    const problem = conditionProblem(condition);
    if (problem !== undefined) problems.push(problem);
  }
  if (problems.length > 0) throw new SatchelError('bad-request', problems.join('; '));
}
