import { findContactMicroblogs } from '../pubsub/findContactMicroblogs';
import type { IqCaller } from '../pubsub/IqCaller';
import { listServerSubscriptions } from '../pubsub/listServerSubscriptions';
import type { RpcRouter } from '../rpc/server/createRpcRouter';
import { empty } from '../rpc/server/validators';

/**
 * What home offers to follow besides the followed nodes (issue 5): the account's subscriptions
 * on its server's pubsub services and its contacts' microblogs. Both are read-only lookups on
 * the server; following one goes through `cache.follow` like any other node. Neither takes
 * params: both act for the signed-in account, and `empty` refuses anything else.
 */
export function registerHomeMethods(
  router: RpcRouter,
  deps: { account: () => string; iq: (account: string) => IqCaller },
): void {
  router.handle('pubsub.listSubscriptions', empty, async () => {
    const account = deps.account();
    return listServerSubscriptions(deps.iq(account), account.split('@')[1] ?? '', {
      ownPep: account,
    });
  });
  router.handle('contacts.listMicroblogs', empty, async () => {
    const account = deps.account();
    return findContactMicroblogs(deps.iq(account), account);
  });
}
