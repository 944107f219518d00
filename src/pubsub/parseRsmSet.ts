import type { Element } from '@xmpp/xml';
import { NS } from './namespaces';

/** XEP-0059 §2.6 answer; every field is optional (an empty page has no first or last). */
export interface RsmResult {
  first?: string;
  last?: string;
  count?: number;
  firstIndex?: number;
}

function toInteger(text: string | undefined | null): number | undefined {
  if (text === undefined || text === null || !/^\d+$/.test(text.trim())) return undefined;
  return Number(text.trim());
}

/** Reads the `<set/>` child of `parent`, if the service sent one (it is how we know it paged). */
export function parseRsmSet(parent: Element | undefined): RsmResult | undefined {
  const set = parent?.getChild('set', NS.rsm);
  if (!set) return undefined;
  const first = set.getChild('first');
  const result: RsmResult = {};
  if (first) {
    result.first = first.getText();
    const index = toInteger(first.attrs.index);
    if (index !== undefined) result.firstIndex = index;
  }
  const last = set.getChildText('last');
  if (last !== null) result.last = last;
  const count = toInteger(set.getChildText('count'));
  if (count !== undefined) result.count = count;
  return result;
}
