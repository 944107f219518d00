import type { ItemView } from '../../shared/protocol';

const TITLE_NAMES = new Set(['title', 'name', 'subject', 'summary']);

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * What a list can say about an item no analyser understands: a title when the payload has a
 * child that looks like one, and its other fields as "name: text" pairs. Read from an inert
 * XML document, as text.
 */
export function genericSummary(item: ItemView): { title?: string; payload: string; text: string } {
  const doc = new DOMParser().parseFromString(item.xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0)
    return { payload: 'unreadable XML', text: '' };
  const payload = doc.documentElement.firstElementChild;
  if (!payload) return { payload: 'no payload', text: '' };
  const ns = payload.namespaceURI ? ` (${payload.namespaceURI})` : '';
  let title: string | undefined;
  const fields: string[] = [];
  for (const child of Array.from(payload.children)) {
    const text = child.textContent.replace(/\s+/gu, ' ').trim();
    if (!text) continue;
    if (title === undefined && TITLE_NAMES.has(child.localName)) title = clip(text, 200);
    else fields.push(child.children.length === 0 ? `${child.localName}: ${text}` : text);
  }
  const text =
    fields.length > 0 ? fields.join(' · ') : payload.textContent.replace(/\s+/gu, ' ').trim();
  return {
    ...(title !== undefined && { title }),
    payload: `${payload.localName}${ns}`,
    text: clip(text, 320),
  };
}
