import { xml } from '@xmpp/xml';
import { SatchelError } from '../shared/SatchelError';
import { buildRsmSet } from './buildRsmSet';
import type { IqCaller } from './IqCaller';
import { iqRequest } from './iqRequest';
import { NS } from './namespaces';
import { parseDiscoItems } from './parseDiscoItems';
import { parseRsmSet } from './parseRsmSet';

/** A bound on follow-up pages, so a service that pages forever cannot loop us forever. */
const maxPages = 10_000;

/**
 * Every item id of a node, in the service's order: disco#items on the node returns one <item/>
 * per item with the id as `name` (XEP-0060 §5.5). This is how a node is synced completely on a
 * service without RSM on items (Prosody 0.12). When the service pages the answer itself
 * (XEP-0059 §2.6, a <set/> with <last/> and more to come), the following pages are fetched too.
 */
export async function listItemIds(
  iq: IqCaller,
  service: string,
  node: string,
  options: { timeoutMs?: number } = {},
): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  let pageSize = 0;
  for (let page = 0; page < maxPages; page++) {
    const query = xml(
      'query',
      { xmlns: NS.discoItems, node },
      after !== undefined && buildRsmSet({ max: pageSize, after }),
    );
    const reply = await iqRequest(
      iq,
      xml('iq', { type: 'get', to: service }, query),
      options.timeoutMs,
    );
    const items = parseDiscoItems(reply);
    for (const item of items) if (item.name !== undefined) ids.push(item.name);
    const rsm = parseRsmSet(reply.getChild('query', NS.discoItems));
    const more =
      rsm?.last !== undefined &&
      rsm.last !== after &&
      items.length > 0 &&
      (rsm.count === undefined || ids.length < rsm.count);
    if (!more) return ids;
    after = rsm.last;
    pageSize = items.length;
  }
  throw new SatchelError('remote-error', `disco#items on ${node} kept paging past ${maxPages}`);
}
