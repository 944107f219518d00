import {
  arrayOf,
  bool,
  int,
  obj,
  oneOf,
  optional,
  str,
  ValidationError,
  type Validator,
} from '../../rpc/server/validators';
import type { FieldCondition } from '../../shared/itemQuery';
import type { FacetValue } from '../../shared/records';

/** Validators for the pubsub and cache methods' params (src/shared/protocol.ts). */
export const address = { service: str(3071), node: str(1024) };

const facet: Validator<FacetValue> = (value, path) => {
  if (typeof value === 'string' && value.length <= 10_000) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new ValidationError(`${path} must be a string or a finite number`);
};

export const condition: Validator<FieldCondition> = (value, path) => {
  const base = obj({
    field: str(200),
    op: oneOf('==', '!=', '<', '<=', '>', '>=', 'between', 'in', 'not_in', 'overlap', 'disjoint'),
    value: (v) => v,
  })(value, path);
  if (base.op === 'between') {
    const [low, high, ...rest] = arrayOf(facet, 2)(base.value, `${path}.value`);
    if (low === undefined || high === undefined || rest.length > 0)
      throw new ValidationError(`${path}.value must be [low, high]`);
    return { field: base.field, op: 'between', value: [low, high] };
  }
  if (base.op === 'in' || base.op === 'not_in' || base.op === 'overlap' || base.op === 'disjoint')
    return {
      field: base.field,
      op: base.op,
      value: arrayOf(facet, 1000)(base.value, `${path}.value`),
    };
  return { field: base.field, op: base.op, value: facet(base.value, `${path}.value`) };
};

export const getItemsParams = obj({
  ...address,
  max: optional(int(0, 1000)),
  after: optional(str(1024)),
  before: optional(str(1024)),
  index: optional(int(0, Number.MAX_SAFE_INTEGER)),
  orderBy: optional(oneOf('created', 'updated')),
  direction: optional(oneOf('desc', 'asc')),
  conditions: optional(arrayOf(condition, 20)),
  itemIds: optional(arrayOf(str(1024), 1000)),
  useCache: optional(bool),
});

export const nodeConfigParams = obj({
  maxItems: optional(int(1, 1_000_000)),
  accessModel: optional(oneOf('open', 'presence', 'roster', 'authorize', 'whitelist')),
  publishModel: optional(oneOf('publishers', 'subscribers', 'open')),
  title: optional(str(1000)),
  persistItems: optional(bool),
});
