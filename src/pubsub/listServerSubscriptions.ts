import type { LookupFailure, ServerSubscriptionView } from '../shared/rpcTypes';
import { discoverPubsubServices } from './discoverPubsubServices';
import { getSubscriptions } from './getSubscriptions';
import type { IqCaller } from './IqCaller';
import { mapConcurrently } from './mapConcurrently';
import { NS } from './namespaces';
import { pubsubError } from './pubsubErrors';

export interface ServerSubscriptions {
  subscriptions: ServerSubscriptionView[];
  failures: LookupFailure[];
}

const RETRIEVE_SUBSCRIPTIONS = `${NS.pubsub}#retrieve-subscriptions`;
/** What a PEP service with nothing to list answers (XEP-0060 §5.6.2, RFC 6120 §8.3.3). */
const PEP_NOTHING_TO_LIST = new Set([
  'feature-not-implemented',
  'service-unavailable',
  'item-not-found',
]);

/**
 * The account's subscriptions at its own server's pubsub services: the services are discovered
 * (XEP-0060 §5.1), and those advertising `retrieve-subscriptions` are asked for the account's
 * subscriptions (§5.6). Services of other servers cannot be listed this way and are not asked.
 * A node subscribed by several resources or subids is listed once, `subscribed` winning. One
 * service failing is reported in `failures`; the domain's own discovery failing rejects.
 * `ownPep` (the account's bare JID) is asked too: the account's PEP service (XEP-0163) is not an
 * item of the domain, and a subscription to one's own microblog lives there. A PEP service that
 * does not list subscriptions is no failure: there is simply nothing to list.
 */
export async function listServerSubscriptions(
  iq: IqCaller,
  domain: string,
  options: { concurrency?: number; timeoutMs?: number; ownPep?: string } = {},
): Promise<ServerSubscriptions> {
  const { concurrency = 4, timeoutMs = 10_000, ownPep } = options;
  const failures: LookupFailure[] = [];
  const services = await discoverPubsubServices(iq, domain, {
    concurrency,
    timeoutMs,
    onItemError: (jid, error) => failures.push({ jid, error: error.toData() }),
  });
  const asked = services.filter((s) => s.info.features.has(RETRIEVE_SUBSCRIPTIONS));
  const jids = asked.map((s) => s.jid);
  const answers = await mapConcurrently(jids, concurrency, (jid) =>
    getSubscriptions(iq, jid, undefined, { timeoutMs }),
  );
  if (ownPep !== undefined) {
    const [pep] = await mapConcurrently([ownPep], 1, (jid) =>
      getSubscriptions(iq, jid, undefined, { timeoutMs }),
    );
    if (
      pep &&
      !(pep.status === 'rejected' && PEP_NOTHING_TO_LIST.has(pubsubError(pep.reason).code))
    ) {
      jids.push(ownPep);
      answers.push(pep);
    }
  }
  const byNode = new Map<string, ServerSubscriptionView>();
  answers.forEach((answer, index) => {
    const service = jids[index];
    if (service === undefined) return;
    if (answer.status === 'rejected') {
      failures.push({ jid: service, error: pubsubError(answer.reason).toData() });
      return;
    }
    for (const { node, state } of answer.value) {
      const key = `${service}\n${node}`;
      if (byNode.get(key)?.state !== 'subscribed') byNode.set(key, { service, node, state });
    }
  });
  return { subscriptions: [...byNode.values()], failures };
}
