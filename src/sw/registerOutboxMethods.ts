import { buildAtomEntry } from '../cache/outbox/buildAtomEntry';
import type { Outbox } from '../cache/outbox/createOutbox';
import type { RpcRouter } from '../rpc/server/createRpcRouter';
import { empty } from '../rpc/server/validators';
import { SatchelError } from '../shared/SatchelError';
import {
  outboxDiscardParams,
  outboxPublishParams,
  outboxRetractParams,
} from './validators/outboxValidators';

/**
 * The `outbox.*` methods (issue 17): the page writes, the worker stores the write and sends it
 * when it can. The item id is chosen here, once, so every resend publishes the same item.
 */
export function registerOutboxMethods(
  router: RpcRouter,
  deps: {
    outbox: () => Promise<Outbox>;
    account: () => string;
    now: () => number;
    newItemId: () => string;
    requestSync: () => void;
  },
): void {
  router.handle('outbox.list', empty, async () => ({
    entries: await (await deps.outbox()).list(deps.account()),
  }));

  router.handle('outbox.publish', outboxPublishParams, async (p) => {
    const account = deps.account();
    if (!p.draft.title.trim() && !p.draft.text.trim())
      throw new SatchelError('bad-request', 'a post needs a title or a text');
    const itemId = p.itemId ?? deps.newItemId();
    const now = deps.now();
    const payloadXml = buildAtomEntry({
      draft: p.draft,
      author: account,
      service: p.service,
      node: p.node,
      itemId,
      published: p.published ?? now,
      updated: now,
      ...(p.parent && { parent: p.parent }),
    });
    const entry = await (
      await deps.outbox()
    ).write(account, {
      op: 'publish',
      service: p.service,
      node: p.node,
      itemId,
      payloadXml,
      draft: p.draft,
      ...(p.parent && { parent: p.parent }),
    });
    deps.requestSync();
    return { entry };
  });

  router.handle('outbox.retract', outboxRetractParams, async (p) => {
    const entry = await (
      await deps.outbox()
    ).write(deps.account(), {
      op: 'retract',
      service: p.service,
      node: p.node,
      itemId: p.itemId,
      ...(p.parent && { parent: p.parent }),
    });
    deps.requestSync();
    return { entry };
  });

  router.handle('outbox.discard', outboxDiscardParams, async (p) => {
    await (await deps.outbox()).discard(deps.account(), p.seq);
    return {};
  });
}
