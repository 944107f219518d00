import parse from 'ltx/lib/parse.js';
import { publishItem } from '../../pubsub/publishItem';
import { retractItem } from '../../pubsub/retractItem';
import type { OutboxRecord } from '../../shared/records';
import { SatchelError } from '../../shared/SatchelError';
import type { CacheDeps } from '../CacheDeps';
import { writeThrough } from '../writeThrough';

/** An outbox write's own timeout: a request lost with its connection is tried again sooner. */
const SEND_TIMEOUT_MS = 10_000;

/**
 * Sends one outbox write and brings the cache in line with what the server now holds. Always
 * with the write's own item id, so sending it twice (an answer lost with the connection) gives
 * one item (XEP-0060 §7.1.2: publishing an existing id replaces it). Throws a SatchelError.
 */
export async function sendOutboxEntry(
  deps: Pick<
    CacheDeps,
    'iq' | 'nodes' | 'items' | 'registry' | 'emitItems' | 'emitNode' | 'now' | 'log'
  >,
  entry: OutboxRecord,
): Promise<void> {
  const key = { account: entry.account, service: entry.service, node: entry.node };
  const iq = deps.iq(entry.account);
  if (entry.op === 'publish') {
    if (entry.payloadXml === undefined) throw new SatchelError('bad-payload', 'nothing to publish');
    await publishItem(iq, {
      service: entry.service,
      node: entry.node,
      id: entry.itemId,
      payload: parse(entry.payloadXml),
      timeoutMs: SEND_TIMEOUT_MS,
    });
    await writeThrough(deps, key, entry.itemId, entry.payloadXml);
    return;
  }
  try {
    await retractItem(iq, {
      service: entry.service,
      node: entry.node,
      id: entry.itemId,
      timeoutMs: SEND_TIMEOUT_MS,
    });
  } catch (error) {
    // Already gone (a resend after a lost answer, or a post that never reached the server):
    // what the reader asked for is true (§7.2.3.3).
    if (!(error instanceof SatchelError && error.code === 'item-not-found')) throw error;
  }
  await deps.items.deleteItems(entry.account, entry.service, entry.node, [entry.itemId]);
  deps.emitItems({ ...key, upserted: [], retracted: [entry.itemId] });
}
