import { xml, type Element } from '@xmpp/xml';
import { NS } from './namespaces';

/** XEP-0059 request: `before: ''` asks for the last page (§2.5). */
export interface RsmQuery {
  max: number;
  after?: string;
  before?: string;
  index?: number;
}

/** Builds `<set xmlns='http://jabber.org/protocol/rsm'/>` for a query (XEP-0059 §2). */
export function buildRsmSet(query: RsmQuery): Element {
  return xml(
    'set',
    { xmlns: NS.rsm },
    xml('max', {}, String(query.max)),
    query.after !== undefined && xml('after', {}, query.after),
    query.before !== undefined && xml('before', {}, query.before),
    query.index !== undefined && xml('index', {}, String(query.index)),
  );
}
