import type { Element } from '@xmpp/xml';
import type { AnalyserDefinition } from '../analysers/analyserTypes';
import { parseItem } from '../analysers/parseItem';
import { FUTURE_TOLERANCE_MS } from '../shared/futureTolerance';
import type { NewItem } from '../shared/records';
import { itemSkipReason } from './itemSkipReason';

/**
 * Turns a received <item/> into what the item store keeps: always the raw XML, plus the
 * analyser's parsed data and indexed fields when it has a parser. Parse problems are recorded,
 * never thrown: a bad payload loses nothing.
 */
export function toNewItem(
  item: Element,
  context: {
    service: string;
    node: string;
    analyser: AnalyserDefinition | undefined;
    /** When the item arrived: a payload dated later than a day after it keeps its first-seen
     * time instead, or a post dated 9999 would head its feed forever (issue 15). */
    receivedAt?: number;
  },
): NewItem | undefined {
  // An item that cannot be kept (no id, nested too deep to serialise) is skipped: storeItems
  // records why on the node.
  const itemId = item.attrs.id;
  if (itemId === undefined || itemSkipReason(item) !== undefined) return undefined;
  const result: NewItem = { itemId, xml: item.toString() };
  if (item.attrs.publisher) result.publisher = item.attrs.publisher;
  if (!context.analyser) return result;
  const outcome = parseItem(context.analyser, item, {
    service: context.service,
    node: context.node,
  });
  if (outcome.parsed !== undefined) result.parsed = outcome.parsed;
  if (outcome.fields.length > 0) result.fields = outcome.fields;
  const problems = [...outcome.problems];
  const latest =
    context.receivedAt === undefined ? Infinity : context.receivedAt + FUTURE_TOLERANCE_MS;
  for (const name of ['created', 'updated'] as const) {
    const at = outcome[name];
    if (at === undefined) continue;
    if (at <= latest) result[name] = at;
    else problems.push(`${name} time ${new Date(at).toISOString()} is in the future; ignored`);
  }
  if (problems.length > 0) result.parseError = problems.join('; ');
  return result;
}

/** An item notification without payload (XEP-0060 §7.1.2.2 notify-only) must be fetched. */
export function hasPayload(item: Element): boolean {
  return item.getChildElements().length > 0;
}
