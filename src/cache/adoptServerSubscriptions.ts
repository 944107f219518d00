import { listServerSubscriptions } from '../pubsub/listServerSubscriptions';
import type { NodeAddress } from '../shared/protocol';
import type { CacheDeps } from './CacheDeps';

/**
 * The first session of an account in this browser profile follows what the account is
 * subscribed to on its server (XEP-0060 §5.6, its own PEP service included): the follows made
 * in another browser or client, since Satchel's follow subscribes and its unfollow
 * unsubscribes. Later subscriptions made elsewhere are only listed on Home, to be chosen node
 * by node (following stores every item here). "First" means the profile knows no node of the
 * account yet; a lookup that fails leaves everything as it was, to be offered on Home.
 */
export async function adoptServerSubscriptions(
  deps: Pick<CacheDeps, 'iq' | 'nodes' | 'log'>,
  account: string,
  follow: (address: NodeAddress) => Promise<unknown>,
): Promise<number> {
  if ((await deps.nodes.listByAccount(account)).length > 0) return 0;
  const domain = account.split('@')[1] ?? account;
  const found = await listServerSubscriptions(deps.iq(account), domain, { ownPep: account });
  let followed = 0;
  for (const { service, node, state } of found.subscriptions) {
    if (state !== 'subscribed') continue;
    try {
      await follow({ service, node });
      followed += 1;
    } catch (error) {
      deps.log(`could not follow ${node} on ${service}`, error);
    }
  }
  return followed;
}
