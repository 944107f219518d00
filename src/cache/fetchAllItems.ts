import type { Element } from '@xmpp/xml';
import { getItems } from '../pubsub/getItems';
import type { IqCaller } from '../pubsub/IqCaller';
import { listOrFetchAll } from './listOrFetchAll';
import type { NodeRecord } from '../shared/records';

export const SYNC_BATCH = 100;
const MAX_RSM_PAGES = 100_000;

export interface FetchProgress {
  /** Stores one batch (one transaction) and records where to resume. */
  onBatch: (
    items: Element[],
    cursor: NonNullable<NodeRecord['syncCursor']>,
    done: number,
    total?: number,
  ) => Promise<void>;
}

/**
 * Fetches every item of a node, batch by batch, resuming from a stored cursor. With RSM
 * (XEP-0059, where the service advertises pubsub#rsm) it pages with `after`; without (Prosody
 * 0.12) it lists the item ids (disco#items, XEP-0060 §5.5) and fetches them by id (§6.5.8).
 * The cursor is the ids still to fetch, so storing it after each batch makes the sync resumable.
 * One request is kept ahead of the store: fetching and writing overlap (issue 8 §1).
 * Returns the ids the server holds, when it listed them, so the caller can drop stale ones,
 * and the disco#items listing itself when that is how it learnt them.
 */
/**
 * A request started before it is awaited (while the batch before is stored). Marked handled at
 * once: its failure during the store must not count as an unhandled rejection (which a browser
 * reports, and Node may treat as fatal); whoever awaits it still gets the failure.
 */
function ahead<T>(request: Promise<T>): Promise<T> {
  void request.catch(() => undefined);
  return request;
}

export async function fetchAllItems(
  iq: IqCaller,
  address: { service: string; node: string },
  options: { rsm: boolean; cursor?: NodeRecord['syncCursor'] } & FetchProgress,
): Promise<{ serverIds?: Set<string>; listing?: string[] }> {
  const { service, node } = address;
  if (options.rsm) {
    const pageAfter = (after: string | undefined) =>
      ahead(
        getItems(iq, {
          service,
          node,
          rsm: { max: SYNC_BATCH, ...(after !== undefined && { after }) },
        }),
      );
    let after = options.cursor?.rsmAfter;
    let done = 0;
    let next: ReturnType<typeof pageAfter> | undefined = pageAfter(after);
    for (let page = 0; page < MAX_RSM_PAGES && next; page++) {
      const result = await next;
      next = undefined;
      if (result.items.length === 0) return {};
      done += result.items.length;
      const last = result.rsm?.last;
      const more = last !== undefined && last !== after;
      // The next page is asked for while this one is stored (one ahead, no more).
      if (more) next = pageAfter(last);
      await options.onBatch(
        result.items,
        last === undefined ? {} : { rsmAfter: last },
        done,
        result.rsm?.count,
      );
      after = last;
    }
    return {};
  }
  const listed = await listOrFetchAll(iq, service, node);
  const serverIds = listed.ids;
  if (listed.items) {
    // The service gave everything at once: store it batch by batch, one transaction each.
    for (let done = 0; done < listed.items.length; done += SYNC_BATCH)
      await options.onBatch(
        listed.items.slice(done, done + SYNC_BATCH),
        {},
        Math.min(done + SYNC_BATCH, listed.items.length),
        listed.items.length,
      );
    return { serverIds: new Set(serverIds) };
  }
  const pending = options.cursor?.pendingIds ?? serverIds;
  const batchAt = (start: number) =>
    ahead(getItems(iq, { service, node, itemIds: pending.slice(start, start + SYNC_BATCH) }));
  // Batch by batch, keeping at most two: the worker never holds a whole node in memory. The
  // next batch is asked for while this one is stored, so the server and IndexedDB work at the
  // same time; a worker stopped in between resumes after the last stored batch.
  let next = pending.length > 0 ? batchAt(0) : undefined;
  for (let done = 0; next;) {
    const { items } = await next;
    done = Math.min(done + SYNC_BATCH, pending.length);
    next = done < pending.length ? batchAt(done) : undefined;
    await options.onBatch(items, { pendingIds: pending.slice(done) }, done, pending.length);
  }
  // The listing, newest first: the next catch-up finds edits by comparing with it (schema v7).
  return { serverIds: new Set(serverIds), listing: serverIds };
}
