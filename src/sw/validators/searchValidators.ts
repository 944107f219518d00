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
import type { PurgeScope } from '../../shared/cacheManagement';
import { IMPORT_FILE_MAX_BYTES } from '../../shared/importFileLimit';
import type { RetentionPolicy } from '../../shared/records';
import { SEARCH_LIMITS as L } from '../../shared/searchLimits';
import type { SearchCondition, TimeRange } from '../../shared/searchQuery';
import { address, condition } from './cacheValidators';

/** Validators for the search and cache-management methods' params (src/shared/protocol.ts). */

const time = (value: unknown, path: string): number => {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new ValidationError(`${path} must be a time in epoch ms`);
  return value;
};

const timeRange: Validator<TimeRange> = obj({ from: optional(time), to: optional(time) });

const searchCondition: Validator<SearchCondition> = (value, path) => {
  const op = (value as { op?: unknown } | null)?.op;
  if (op !== 'contains') return condition(value, path);
  return obj({ field: str(L.maxName), op: oneOf('contains'), value: str(L.maxContains) })(
    value,
    path,
  );
};

export const searchParams = obj({
  text: optional(str(L.maxText)),
  nodes: optional(arrayOf(obj(address), L.maxNodes)),
  services: optional(arrayOf(str(3071), L.maxNodes)),
  types: optional(arrayOf(str(L.maxName), L.maxTypes)),
  subtypes: optional(arrayOf(str(L.maxName), L.maxTypes)),
  publisher: optional(str(3071)),
  created: optional(timeRange),
  updated: optional(timeRange),
  conditions: optional(arrayOf(searchCondition, L.maxConditions)),
  pinned: optional(bool),
  orderBy: optional(oneOf('relevance', 'created', 'updated', 'field')),
  orderField: optional(str(L.maxName)),
  direction: optional(oneOf('desc', 'asc')),
  offset: optional(int(0, L.maxOffset)),
  max: optional(int(1, L.maxPage)),
});

export const purgeParams: Validator<PurgeScope & { before: number }> = (value, path) => {
  const scope = (value as { scope?: unknown } | null)?.scope;
  if (scope === 'node') return obj({ scope: oneOf('node'), ...address, before: time })(value, path);
  if (scope === 'type')
    return obj({ scope: oneOf('type'), type: str(200), before: time })(value, path);
  return obj({ scope: oneOf('all'), before: time })(value, path);
};

const count = int(0, 10_000_000);
export const retentionParams = obj({
  ...address,
  retention: (value: unknown, path: string): RetentionPolicy | null => {
    if (value === null) return null;
    const policy = obj({ maxItems: optional(count), maxAgeDays: optional(count) })(value, path);
    return policy;
  },
});

export const pinParams = obj({ ...address, ids: arrayOf(str(1024), 5000), pinned: bool });

export const importParams = obj({
  // The file as text; its own limits are checked by validateCacheExport.
  json: str(IMPORT_FILE_MAX_BYTES),
  onConflict: optional(oneOf('skip', 'replace')),
  dryRun: optional(bool),
});
