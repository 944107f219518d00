import type { Element } from '@xmpp/xml';
import { getItemsByIds } from '../pubsub/getItemsByIds';
import { getNodeConfig } from '../pubsub/getNodeConfig';
import type { PubsubEvent } from '../pubsub/parsePubsubEvent';
import type { NodeRecord } from '../shared/records';
import { SatchelError } from '../shared/SatchelError';
import type { CacheDeps, NodeKey } from './CacheDeps';
import { patchAndEmit } from './patchAndEmit';
import { storeItems } from './storeItems';
import { hasPayload } from './toNewItem';

/** Nodes whose cache follows live events: synced, being synced, or kept after an error. */
const FOLLOWING = new Set<NodeRecord['syncState']>(['completed', 'inProgress', 'error']);

/**
 * Applies pubsub notifications (XEP-0060 §7.1.2, §7.2.2, §8.2.2, §8.4.2, §8.5.2) to the cache,
 * one after the other in arrival order: each event is one transaction. A notification without
 * payload is fetched, never stored empty (the reference overwrote items with empty ones).
 */
export function createEventApplier(
  deps: CacheDeps,
  /** Brings a node back in line after an event could not be applied (createCatchUp.ts). */
  recover: (key: NodeKey) => void = () => undefined,
) {
  let queue: Promise<void> = Promise.resolve();

  async function apply(account: string, event: PubsubEvent): Promise<void> {
    const key: NodeKey = { account, service: event.service, node: event.node };
    const record = await deps.nodes.get(key);
    if (!record) return;
    if (event.kind === 'subscription') {
      if (event.jid.split('/')[0] === account)
        await patchAndEmit(deps, key, { subscription: event.state });
      return;
    }
    if (event.kind === 'delete') {
      await deps.nodes.delete(key);
      deps.emitItems({ ...key, upserted: [], retracted: [], deleted: true });
      return;
    }
    if (event.kind === 'configuration') {
      const config =
        event.config ??
        (await getNodeConfig(deps.iq(account), key.service, key.node).catch(() => undefined));
      if (config) await patchAndEmit(deps, key, { config });
      return;
    }
    if (!FOLLOWING.has(record.syncState)) return;
    if (event.kind === 'purge') {
      await deps.items.purgeNode(account, key.service, key.node);
      deps.emitItems({ ...key, upserted: [], retracted: [], purged: true });
    } else if (event.kind === 'retract') {
      await deps.items.deleteItems(account, key.service, key.node, event.ids);
      deps.emitItems({ ...key, upserted: [], retracted: event.ids });
    } else {
      const analyser =
        record.analyser === undefined ? undefined : deps.registry.get(record.analyser);
      await storeItems(deps, key, analyser, await withPayloads(account, key, event.items));
    }
  }

  async function withPayloads(account: string, key: NodeKey, items: Element[]): Promise<Element[]> {
    const bare = items
      .filter((item) => !hasPayload(item))
      .map((item) => item.attrs.id ?? '')
      .filter(Boolean);
    if (bare.length === 0) return items;
    const fetched = await getItemsByIds(deps.iq(account), key.service, key.node, bare);
    return [...items.filter(hasPayload), ...fetched.items];
  }

  return {
    /** Queues events; the returned promise settles when they are applied (or failed). */
    applyEvents(account: string, events: PubsubEvent[]): Promise<void> {
      const run = queue.then(async () => {
        for (const event of events) {
          try {
            await apply(account, event);
          } catch (error) {
            deps.log(`could not apply a ${event.kind} event on ${event.node}`, error);
            if (error instanceof SatchelError && error.code === 'storage-full')
              deps.onStorageFull?.(error);
            // The server has what the event said and the cache does not (a full disk, a fetch
            // that failed): a catch-up of the node compares the listings and fetches it, now or
            // on its retry, as after an absence (XEP-0060 §6.5, issue 14).
            recover({ account, service: event.service, node: event.node });
          }
        }
      });
      queue = run;
      deps.track(run);
      return run;
    },
  };
}
