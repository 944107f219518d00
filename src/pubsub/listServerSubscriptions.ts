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

/**
 * The account's subscriptions at its own server's pubsub services: the services are discovered
 * (XEP-0060 §5.1), and those advertising `retrieve-subscriptions` are asked for the account's
 * subscriptions (§5.6). Services of other servers cannot be listed this way and are not asked.
 * A node subscribed by several resources or subids is listed once, `subscribed` winning. One
 * service failing is reported in `failures`; the domain's own discovery failing rejects.
 */
export async function listServerSubscriptions(
  iq: IqCaller,
  domain: string,
  options: { concurrency?: number; timeoutMs?: number } = {},
): Promise<ServerSubscriptions> {
  const { concurrency = 4, timeoutMs = 10_000 } = options;
  const failures: LookupFailure[] = [];
  const services = await discoverPubsubServices(iq, domain, {
    concurrency,
    timeoutMs,
    onItemError: (jid, error) => failures.push({ jid, error: error.toData() }),
  });
  const asked = services.filter((s) => s.info.features.has(RETRIEVE_SUBSCRIPTIONS));
  const answers = await mapConcurrently(asked, concurrency, (s) =>
    getSubscriptions(iq, s.jid, undefined, { timeoutMs }),
  );
  const byNode = new Map<string, ServerSubscriptionView>();
  answers.forEach((answer, index) => {
    const service = asked[index]?.jid;
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
