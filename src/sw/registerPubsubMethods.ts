import type { PubsubCache } from '../cache/createPubsubCache';
import { createNode } from '../pubsub/createNode';
import { configureNode } from '../pubsub/configureNode';
import { deleteNode } from '../pubsub/deleteNode';
import { discoverPubsubServices } from '../pubsub/discoverPubsubServices';
import type { IqCaller } from '../pubsub/IqCaller';
import { listNodes } from '../pubsub/listNodes';
import { listServerSubscriptions } from '../pubsub/listServerSubscriptions';
import { purgeNode } from '../pubsub/purgeNode';
import { subscribe } from '../pubsub/subscribe';
import { unsubscribe } from '../pubsub/unsubscribe';
import type { RpcRouter } from '../rpc/server/createRpcRouter';
import { empty, obj, optional, str } from '../rpc/server/validators';
import type { NodeConfigParams } from '../shared/protocol';
import type { NodeConfig } from '../shared/records';
import { address, getItemsParams, nodeConfigParams } from './validators/cacheValidators';

/** The `pubsub.*` methods (the cache's `cache.*` are in registerCacheMethods.ts); every one acts
 * for the signed-in account. */
export function registerPubsubMethods(
  router: RpcRouter,
  deps: {
    cache: () => Promise<PubsubCache>;
    account: () => string;
    iq: (account: string) => IqCaller;
  },
): void {
  const iq = (): IqCaller => deps.iq(deps.account());
  const done = {} as Record<string, never>;

  router.handle('pubsub.getItems', getItemsParams, async (p) =>
    (await deps.cache()).getItems(deps.account(), p),
  );
  router.handle(
    'pubsub.publish',
    obj({ ...address, id: optional(str(1024)), payloadXml: str(1_000_000) }),
    async (p) => ({
      id: await (await deps.cache()).publish(deps.account(), p, p.payloadXml, p.id),
    }),
  );
  router.handle('pubsub.retract', obj({ ...address, id: str(1024) }), async (p) => {
    await (await deps.cache()).retract(deps.account(), p, p.id);
    return done;
  });
  router.handle('pubsub.subscribe', obj(address), async (p) => ({
    state: (await subscribe(iq(), { ...p, jid: deps.account() })).state,
  }));
  router.handle('pubsub.unsubscribe', obj(address), async (p) => {
    await unsubscribe(iq(), { ...p, jid: deps.account() });
    return done;
  });
  // Home's offer (issue 5): the account's subscriptions on its server's services; `empty`
  // refuses params, as it acts for the signed-in account.
  router.handle('pubsub.listSubscriptions', empty, async () => {
    const account = deps.account();
    return listServerSubscriptions(deps.iq(account), account.split('@')[1] ?? '', {
      ownPep: account,
    });
  });
  router.handle('pubsub.discoverServices', empty, async () => {
    const domain = deps.account().split('@')[1] ?? '';
    const services = await discoverPubsubServices(iq(), domain);
    return {
      services: services.map((s) =>
        s.name === undefined ? { jid: s.jid } : { jid: s.jid, name: s.name },
      ),
    };
  });
  router.handle('pubsub.listNodes', obj({ service: str(3071) }), async ({ service }) => ({
    nodes: (await listNodes(iq(), service))
      .filter((n) => n.node !== undefined)
      .map((n) =>
        n.name === undefined ? { node: n.node ?? '' } : { node: n.node ?? '', name: n.name },
      ),
  }));
  router.handle(
    'pubsub.createNode',
    obj({ ...address, config: optional(nodeConfigParams) }),
    async (p) => {
      await createNode(iq(), {
        service: p.service,
        node: p.node,
        ...(p.config && { config: toNodeConfig(p.config) }),
      });
      return done;
    },
  );
  router.handle(
    'pubsub.configureNode',
    obj({ ...address, config: nodeConfigParams }),
    async (p) => {
      await configureNode(iq(), {
        service: p.service,
        node: p.node,
        config: toNodeConfig(p.config),
      });
      return done;
    },
  );
  router.handle('pubsub.deleteNode', obj(address), async (p) => {
    await deleteNode(iq(), p);
    return done;
  });
  router.handle('pubsub.purgeNode', obj(address), async (p) => {
    await purgeNode(iq(), p.service, p.node);
    return done;
  });
}

function toNodeConfig(params: NodeConfigParams): NodeConfig {
  const config: NodeConfig = {};
  if (params.maxItems !== undefined) config.maxItems = params.maxItems;
  if (params.accessModel !== undefined) config.accessModel = params.accessModel;
  if (params.publishModel !== undefined) config.publishModel = params.publishModel;
  if (params.title !== undefined) config.title = params.title;
  if (params.persistItems !== undefined) config.persistItems = params.persistItems;
  return config;
}
