import { getItems } from '../pubsub/getItems';
import type { NodeRecord } from '../shared/records';
import type { CacheDeps, NodeKey } from './CacheDeps';

/** An analysis older than this is redone on the next read (a node's content can change kind). */
export const ANALYSIS_MAX_AGE_MS = 7 * 24 * 3600_000;

/**
 * Analyses a node once and stores the result with it (the reference re-analysed on every read
 * of a non-synced node, two extra round trips each time). Redone on demand or when old; an old
 * analysis that cannot be redone (offline, the server unreachable) stands: a synced node is
 * read from the cache with or without a network.
 */
export function createNodeAnalyser(
  deps: Pick<CacheDeps, 'iq' | 'nodes' | 'registry' | 'now' | 'log'>,
) {
  return async function analyseNode(key: NodeKey, force = false): Promise<NodeRecord> {
    const stored = await deps.nodes.get(key);
    if (stored?.analysedAt === undefined || force) return analyse(key, stored);
    if (deps.now() - stored.analysedAt < ANALYSIS_MAX_AGE_MS) return stored;
    return analyse(key, stored).catch((error: unknown) => {
      deps.log(`kept the analysis of ${key.node}: it could not be redone`, error);
      return stored;
    });
  };

  async function analyse(key: NodeKey, stored: NodeRecord | undefined): Promise<NodeRecord> {
    // The namespace of the first item's payload decides when the node name does not (§ Analysers).
    const { items } = await getItems(deps.iq(key.account), {
      service: key.service,
      node: key.node,
      maxItems: 1,
    });
    const firstPayload = items[0]?.getChildElements()[0];
    const result = deps.registry.analyse({
      service: key.service,
      node: key.node,
      ...(firstPayload && { firstPayload }),
    });
    const now = deps.now();
    const base: NodeRecord = stored ?? {
      ...key,
      syncState: 'pending',
      syncStateAt: now,
      subscription: 'none',
      followed: false,
    };
    const toSync = result?.toSync === true;
    const record: NodeRecord = {
      ...base,
      analysedAt: now,
      syncState: toSync ? (base.syncState === 'noSync' ? 'pending' : base.syncState) : 'noSync',
      syncStateAt: toSync === (base.syncState !== 'noSync') ? base.syncStateAt : now,
    };
    delete record.analyser;
    delete record.type;
    delete record.subtype;
    if (result) {
      record.analyser = result.analyser;
      record.type = result.type;
      if (result.subtype !== undefined) record.subtype = result.subtype;
    }
    await deps.nodes.put(record);
    return record;
  }
}

export type NodeAnalyser = ReturnType<typeof createNodeAnalyser>;
