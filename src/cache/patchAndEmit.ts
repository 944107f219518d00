import type { NodeRecord } from '../shared/records';
import type { CacheDeps, NodeKey } from './CacheDeps';

/** Changes a node's record and tells the pages (a `node` event), with the record as stored. */
export async function patchAndEmit(
  deps: Pick<CacheDeps, 'nodes' | 'emitNode'>,
  key: NodeKey,
  changes: Partial<NodeRecord>,
): Promise<NodeRecord | undefined> {
  await deps.nodes.patch(key, changes);
  const record = await deps.nodes.get(key);
  if (record) deps.emitNode(key.account, record);
  return record;
}
