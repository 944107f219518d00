/**
 * Which nodes a search may return items of, as search node numbers (searchNodes, schema v4):
 * every node of the account, or those its node, service, type and subtype filters name (type
 * and subtype are the analysers', on the node records). Read inside the search's transaction.
 */
import type { SearchNodeFilter, SearchQuery } from '../../shared/searchQuery';
import { maxKeyPart, MIN_KEY_PART, prefixRange } from '../keyRange';
import type { SatchelDb } from '../SatchelDb';

export interface NumberedNode extends SearchNodeFilter {
  num: number;
}

export interface SearchScope {
  /** The node numbers allowed; every node of the account when no filter names nodes. */
  nums: Set<number>;
  /** Whether filters narrowed the account's nodes. */
  narrowed: boolean;
  /** The allowed nodes. */
  nodes: NumberedNode[];
  /** Every numbered node of the account, by number (to turn doc keys into item keys). */
  byNum: Map<number, NumberedNode>;
}

const list = (values: readonly string[] | undefined): Set<string> | undefined =>
  values === undefined || values.length === 0 ? undefined : new Set(values);
const nodeId = (service: string, node: string): string => `${service}\u0000${node}`;

export async function resolveSearchScope(db: SatchelDb, q: SearchQuery): Promise<SearchScope> {
  const numbered = await db.searchNodes
    .where('[account+service+node]')
    .between(
      [q.account, MIN_KEY_PART, MIN_KEY_PART],
      [q.account, maxKeyPart(), maxKeyPart()],
      true,
      true,
    )
    .toArray();
  const all: NumberedNode[] = numbered.map(({ service, node, num }) => ({ service, node, num }));
  const byNum = new Map(all.map((n) => [n.num, n]));
  const services = list(q.services);
  const types = list(q.types);
  const subtypes = list(q.subtypes);
  const explicit =
    q.nodes && q.nodes.length > 0
      ? new Set(q.nodes.map((n) => nodeId(n.service, n.node)))
      : undefined;
  if (!explicit && !services && !types && !subtypes)
    return { nums: new Set(byNum.keys()), narrowed: false, nodes: all, byNum };

  let kept = all.filter(
    (n) =>
      (!explicit || explicit.has(nodeId(n.service, n.node))) &&
      (!services || services.has(n.service)),
  );
  if (types || subtypes) {
    const [lower, upper] = prefixRange([q.account], 2);
    const records = await db.nodes
      .where('[account+service+node]')
      .between(lower, upper, true, true)
      .toArray();
    const kinds = new Map(records.map((r) => [nodeId(r.service, r.node), r]));
    kept = kept.filter((n) => {
      const record = kinds.get(nodeId(n.service, n.node));
      return (
        (!types || (record?.type !== undefined && types.has(record.type))) &&
        (!subtypes || (record?.subtype !== undefined && subtypes.has(record.subtype)))
      );
    });
  }
  return { nums: new Set(kept.map((n) => n.num)), narrowed: true, nodes: kept, byNum };
}
