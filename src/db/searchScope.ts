/**
 * Which nodes a search may return items of: every node of the account, or those its node,
 * service, type and subtype filters name (type and subtype are the analysers', kept on the
 * node records). Read inside the search's transaction.
 */
import type { SearchNodeFilter, SearchQuery } from '../shared/searchQuery';
import { prefixRange } from './keyRange';
import { scopeKey } from './searchPredicates';
import type { SatchelDb, StoredNode } from './SatchelDb';

type NodeInfo = SearchNodeFilter & { type?: string; subtype?: string };

export interface SearchScope {
  /** The allowed nodes as scopeKey strings; undefined: every node of the account. */
  keys: Set<string> | undefined;
  /** The nodes themselves, when a source needs one range per node. */
  nodes: () => Promise<SearchNodeFilter[]>;
}

async function accountNodes(db: SatchelDb, account: string): Promise<StoredNode[]> {
  const [lower, upper] = prefixRange([account], 2);
  return db.nodes.where('[account+service+node]').between(lower, upper, true, true).toArray();
}

const list = (values: readonly string[] | undefined): Set<string> | undefined =>
  values === undefined || values.length === 0 ? undefined : new Set(values);

export async function resolveSearchScope(db: SatchelDb, q: SearchQuery): Promise<SearchScope> {
  const services = list(q.services);
  const types = list(q.types);
  const subtypes = list(q.subtypes);
  const explicit = q.nodes && q.nodes.length > 0 ? q.nodes : undefined;
  let all: NodeInfo[] | undefined;
  const loadAll = async (): Promise<NodeInfo[]> => {
    all ??= (await accountNodes(db, q.account)).map(({ service, node, type, subtype }) => ({
      service,
      node,
      ...(type !== undefined && { type }),
      ...(subtype !== undefined && { subtype }),
    }));
    return all;
  };
  if (!explicit && !services && !types && !subtypes) return { keys: undefined, nodes: loadAll };

  let nodes: NodeInfo[] = explicit
    ? explicit.map(({ service, node }) => ({ service, node }))
    : await loadAll();
  if (types || subtypes) {
    // Types live on the node records: explicit nodes take theirs from there.
    const known = new Map((await loadAll()).map((n) => [scopeKey(n.service, n.node), n]));
    nodes = nodes.flatMap((n) => known.get(scopeKey(n.service, n.node)) ?? []);
  }
  const kept = nodes.filter(
    (n) =>
      (!services || services.has(n.service)) &&
      (!types || (n.type !== undefined && types.has(n.type))) &&
      (!subtypes || (n.subtype !== undefined && subtypes.has(n.subtype))),
  );
  const unique = new Map(
    kept.map((n) => [scopeKey(n.service, n.node), { service: n.service, node: n.node }]),
  );
  return { keys: new Set(unique.keys()), nodes: () => Promise.resolve([...unique.values()]) };
}
