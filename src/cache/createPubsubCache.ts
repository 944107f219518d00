import parse from 'ltx/lib/parse.js';
import { getItems } from '../pubsub/getItems';
import { parsePubsubEvent } from '../pubsub/parsePubsubEvent';
import { publishItem } from '../pubsub/publishItem';
import { retractItem } from '../pubsub/retractItem';
import { unsubscribe } from '../pubsub/unsubscribe';
import type { Element } from '@xmpp/xml';
import type { GetItemsParams, ItemsPage, NodeAddress, NodeView } from '../shared/protocol';
import type { NewItem, NodeRecord } from '../shared/records';
import { SatchelError } from '../shared/SatchelError';
import type { CacheDeps, NodeKey } from './CacheDeps';
import { adoptServerSubscriptions } from './adoptServerSubscriptions';
import { createCatchUp } from './createCatchUp';
import { createEventApplier } from './createEventApplier';
import { createNodeAnalyser } from './createNodeAnalyser';
import { createSyncEngine } from './createSyncEngine';
import { createWordIndexer } from './createWordIndexer';
import { writeThrough } from './writeThrough';
import { itemRecordToView, newItemToView, toNodeView } from './toViews';
import { toNewItem } from './toNewItem';

const CACHED = new Set<NodeRecord['syncState']>(['completed', 'inProgress', 'error']);

/**
 * The cache gate (the design's "transparent cache"): every pubsub read passes here. A
 * completed node is answered from IndexedDB; any other from the server, and the first read of
 * a node an analyser marks to-sync starts its sync. Writes go to the server, then straight
 * into the cache (write-through), reconciled idempotently when the notification comes back.
 */
export function createPubsubCache(deps: CacheDeps) {
  const analyse = createNodeAnalyser(deps);
  const wordIndexer = createWordIndexer({
    indexBatch: (max) => deps.items.indexQueuedWords(max),
    busy: () => syncEngine.busy(),
    ...(deps.emitWordsIndexed && { onDrained: deps.emitWordsIndexed }),
    track: deps.track,
    log: deps.log,
  });
  const syncEngine = createSyncEngine(deps, { onIdle: () => wordIndexer.kick() });
  // Words a sync queued before the worker was stopped (schema v6).
  wordIndexer.kick();
  const catchUp = createCatchUp(deps);
  const events = createEventApplier(deps, (key) => void catchUp.catchUp(key));

  async function view(key: NodeKey, record?: NodeRecord): Promise<NodeView> {
    const stored = record ?? (await deps.nodes.get(key));
    if (!stored) throw new SatchelError('item-not-found', `${key.node} is not known`);
    const r = syncEngine.withUnsaved(stored);
    if (!CACHED.has(r.syncState)) return toNodeView(r);
    return toNodeView(r, await deps.items.nodeCounts(key.account, key.service, key.node));
  }

  function startSyncIfDue(key: NodeKey, record: NodeRecord): void {
    const due =
      record.syncState === 'pending' ||
      (record.syncState === 'error' && (record.syncError?.retryAt ?? 0) <= deps.now());
    if (due) void syncEngine.sync(key).catch((e: unknown) => deps.log('sync failed', e));
  }

  async function fromServer(
    key: NodeKey,
    params: GetItemsParams,
    record: NodeRecord,
  ): Promise<ItemsPage> {
    if (params.conditions?.length)
      throw new SatchelError('bad-request', 'conditions on parsed fields need a synced node');
    const analyser = record.analyser === undefined ? undefined : deps.registry.get(record.analyser);
    const result = await getItems(deps.iq(key.account), {
      service: key.service,
      node: key.node,
      ...(params.itemIds ? { itemIds: params.itemIds } : { maxItems: params.max ?? 20 }),
    });
    const receivedAt = deps.now();
    const items = result.items
      .map((item) =>
        toNewItem(item, { service: key.service, node: key.node, analyser, receivedAt }),
      )
      .filter((item): item is NewItem => item !== undefined)
      .sort((a, b) => (b.created ?? 0) - (a.created ?? 0))
      .map(newItemToView);
    return {
      items,
      source: 'server',
      total: items.length,
      index: 0,
      node: await view(key, record),
    };
  }

  async function follow(account: string, address: NodeAddress): Promise<NodeView> {
    const key = { account, ...address };
    const record = await analyse(key, true);
    await deps.nodes.patch(key, { followed: true });
    startSyncIfDue(key, { ...record, followed: true });
    return view(key);
  }

  return {
    async getItems(account: string, params: GetItemsParams): Promise<ItemsPage> {
      const key: NodeKey = { account, service: params.service, node: params.node };
      const record = await analyse(key);
      if (record.syncState !== 'completed' || params.useCache === false) {
        startSyncIfDue(key, record);
        return fromServer(key, params, record);
      }
      if (params.itemIds) {
        const rows = await deps.items.getItems(account, key.service, key.node, params.itemIds);
        return {
          items: rows.map(itemRecordToView),
          source: 'cache',
          total: rows.length,
          index: 0,
          node: await view(key, record),
        };
      }
      const page = await deps.items.queryItems({
        ...key,
        orderBy: params.orderBy ?? 'created',
        direction: params.direction ?? 'desc',
        max: params.max ?? 20,
        ...(params.after !== undefined && { after: params.after }),
        ...(params.before !== undefined && { before: params.before }),
        ...(params.index !== undefined && { index: params.index }),
        ...(params.conditions && { conditions: params.conditions }),
      });
      const result: ItemsPage = {
        items: page.items.map(itemRecordToView),
        source: 'cache',
        total: page.total,
        index: page.index,
        node: await view(key, record),
      };
      if (page.first !== undefined) result.first = page.first;
      if (page.last !== undefined) result.last = page.last;
      return result;
    },

    follow,

    async unfollow(account: string, address: NodeAddress): Promise<void> {
      const key = { account, ...address };
      const record = await deps.nodes.get(key);
      if (record?.subscription === 'subscribed')
        await unsubscribe(deps.iq(account), { ...address, jid: account }).catch((e: unknown) =>
          deps.log('unsubscribe failed', e),
        );
      await deps.nodes.delete(key);
      deps.emitItems({ ...key, upserted: [], retracted: [], deleted: true });
    },

    async resync(account: string, address: NodeAddress): Promise<NodeView> {
      const key = { account, ...address };
      const record = await analyse(key, true);
      if (record.syncState === 'noSync') return view(key, record);
      await deps.items.purgeNode(account, key.service, key.node);
      await deps.nodes.patch(key, {
        syncState: 'pending',
        syncCursor: undefined,
        syncError: undefined,
        skipped: undefined,
      });
      void syncEngine.sync(key).catch((e: unknown) => deps.log('resync failed', e));
      return view(key);
    },

    getNode: async (account: string, address: NodeAddress): Promise<NodeView | null> => {
      const record = await deps.nodes.get({ account, ...address });
      return record ? view({ account, ...address }, record) : null;
    },

    async listNodes(account: string, followedOnly: boolean): Promise<NodeView[]> {
      const records = followedOnly
        ? await deps.nodes.listFollowed(account)
        : await deps.nodes.listByAccount(account);
      return Promise.all(
        records.map((r) => view({ account, service: r.service, node: r.node }, r)),
      );
    },

    async publish(
      account: string,
      address: NodeAddress,
      payloadXml: string,
      id?: string,
    ): Promise<string> {
      const payload = parsePayload(payloadXml);
      const itemId = await publishItem(deps.iq(account), {
        ...address,
        payload,
        ...(id !== undefined && { id }),
      });
      if (itemId === undefined)
        throw new SatchelError('remote-error', 'the service did not say which id it gave the item');
      await writeThrough(deps, { account, ...address }, itemId, payloadXml);
      return itemId;
    },

    async retract(account: string, address: NodeAddress, id: string): Promise<void> {
      await retractItem(deps.iq(account), { ...address, id });
      await deps.items.deleteItems(account, address.service, address.node, [id]);
      deps.emitItems({ account, ...address, upserted: [], retracted: [id] });
    },

    async markRead(
      account: string,
      address: NodeAddress,
      ids: string[],
      read: boolean,
    ): Promise<void> {
      await deps.items.setRead(account, address.service, address.node, ids, read);
    },

    /** Routes pubsub notifications in messages to the event applier; other stanzas are ignored. */
    onStanza(account: string, stanza: Element): void {
      if (
        stanza.name !== 'message' ||
        !stanza.getChild('event', 'http://jabber.org/protocol/pubsub#event')
      )
        return;
      const result = parsePubsubEvent(stanza);
      if (!result.ok) deps.log(`ignored a malformed pubsub event: ${result.reason}`);
      else void events.applyEvents(account, result.events);
    },

    /** Retries now the syncs and catch-ups that wait for a retry: the reader freed space. */
    retryNow(): void {
      syncEngine.retryNow();
      catchUp.retryNow();
    },

    /**
     * After the session returns: resume interrupted syncs, retry errors, catch up synced nodes.
     * A resumed stream replays what it missed (XEP-0198 §5), so only nodes whose catch-up did
     * not finish are caught up then; a new stream catches every synced node up.
     */
    async onSessionStarted(account: string, resumed: boolean): Promise<void> {
      syncEngine.reset();
      if (!resumed)
        await adoptServerSubscriptions(deps, account, (address) => follow(account, address)).catch(
          (e: unknown) => deps.log('adopting server subscriptions failed', e),
        );
      const toCatchUp: NodeRecord[] = [];
      for (const record of await deps.nodes.listByAccount(account)) {
        const key = { account, service: record.service, node: record.node };
        if (
          record.syncState === 'inProgress' ||
          record.syncState === 'pending' ||
          record.syncState === 'error'
        ) {
          if (!syncEngine.isRunning(key))
            void syncEngine.sync(key).catch((e: unknown) => deps.log('sync failed', e));
        } else if (record.syncState === 'completed' && (!resumed || record.catchUp)) {
          toCatchUp.push(record);
        }
      }
      await catchUp.catchUpAll(account, toCatchUp);
    },
  };
}

export type PubsubCache = ReturnType<typeof createPubsubCache>;

function parsePayload(xml: string): Element {
  try {
    return parse(xml);
  } catch (error) {
    throw new SatchelError('bad-payload', error instanceof Error ? error.message : String(error));
  }
}
