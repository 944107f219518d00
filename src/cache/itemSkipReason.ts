import type { Element } from '@xmpp/xml';

/** Deeper than this, an item is not stored. Real payloads (Atom with XHTML content) nest a few
 * dozen levels; serialising, parsing and rendering all recurse, and a 10,000-deep item overflowed
 * the stack in toString() and failed its whole batch, so the sync never completed (issue 15). */
export const MAX_ITEM_DEPTH = 256;

export const MAX_ITEM_ID_LENGTH = 1024;

/** How deep `root` nests, counted without recursion (the point is not to overflow the stack),
 * stopping as soon as it passes `limit`. */
function depthBeyond(root: Element, limit: number): boolean {
  const stack: Array<[Element, number]> = [[root, 1]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [element, depth] = next;
    if (depth > limit) return true;
    for (const child of element.children)
      if (typeof child !== 'string') stack.push([child, depth + 1]);
  }
  return false;
}

/** Why a received `<item/>` cannot be stored, or undefined when it can. Such an item is
 * skipped and its reason recorded on the node (NodeRecord.skipped); the rest of its batch is
 * stored. */
export function itemSkipReason(item: Element): string | undefined {
  const id = item.attrs.id;
  if (id === undefined || id === '') return 'an item without an id (XEP-0060 §7.1.2)';
  // The pages name items in requests with ids of at most 1,024 characters (markRead, pin, get by
  // id): a longer one could be stored but never read, marked or pinned.
  if (id.length > MAX_ITEM_ID_LENGTH)
    return `an item id longer than ${MAX_ITEM_ID_LENGTH} characters`;
  if (depthBeyond(item, MAX_ITEM_DEPTH))
    return `an item nested more than ${MAX_ITEM_DEPTH} elements deep`;
  return undefined;
}
