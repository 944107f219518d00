import type { Element } from '@xmpp/xml';
import type { AnalyserDefinition } from '../analysers/analyserTypes';
import { parseItem } from '../analysers/parseItem';
import type { NewItem } from '../shared/records';

/**
 * Turns a received <item/> into what the item store keeps: always the raw XML, plus the
 * analyser's parsed data and indexed fields when it has a parser. Parse problems are recorded,
 * never thrown: a bad payload loses nothing.
 */
export function toNewItem(
  item: Element,
  context: { service: string; node: string; analyser: AnalyserDefinition | undefined },
): NewItem | undefined {
  const itemId = item.attrs.id;
  if (itemId === undefined || itemId === '') return undefined;
  const result: NewItem = { itemId, xml: item.toString() };
  if (item.attrs.publisher) result.publisher = item.attrs.publisher;
  if (!context.analyser) return result;
  const outcome = parseItem(context.analyser, item, {
    service: context.service,
    node: context.node,
  });
  if (outcome.parsed !== undefined) result.parsed = outcome.parsed;
  if (outcome.fields.length > 0) result.fields = outcome.fields;
  if (outcome.created !== undefined) result.created = outcome.created;
  if (outcome.updated !== undefined) result.updated = outcome.updated;
  if (outcome.problems.length > 0) result.parseError = outcome.problems.join('; ');
  return result;
}

/** An item notification without payload (XEP-0060 §7.1.2.2 notify-only) must be fetched. */
export function hasPayload(item: Element): boolean {
  return item.getChildElements().length > 0;
}
