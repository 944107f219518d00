import { findContactMicroblogs } from '../pubsub/findContactMicroblogs';
import type { IqCaller } from '../pubsub/IqCaller';
import type { RpcRouter } from '../rpc/server/createRpcRouter';
import { empty } from '../rpc/server/validators';

/**
 * The `contacts.*` methods: home's offer of the contacts' microblogs (issue 5), a read-only
 * lookup on the server; following one goes through `cache.follow` like any other node. It acts
 * for the signed-in account, and `empty` refuses params.
 */
export function registerContactsMethods(
  router: RpcRouter,
  deps: { account: () => string; iq: (account: string) => IqCaller },
): void {
  router.handle('contacts.listMicroblogs', empty, async () => {
    const account = deps.account();
    return findContactMicroblogs(deps.iq(account), account);
  });
}
