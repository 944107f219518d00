import type { ItemView } from '../../shared/protocol';

/** The payload's element name and its text, for listing an item no analyser understands. */
export function genericSummary(item: ItemView): { payload: string; text: string } {
  const doc = new DOMParser().parseFromString(item.xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0)
    return { payload: 'unreadable XML', text: '' };
  const payload = doc.documentElement.firstElementChild;
  if (!payload) return { payload: 'no payload', text: '' };
  const text = payload.textContent.replace(/\s+/gu, ' ').trim();
  const ns = payload.namespaceURI ? ` (${payload.namespaceURI})` : '';
  return {
    payload: `${payload.localName}${ns}`,
    text: text.length > 320 ? `${text.slice(0, 319)}…` : text,
  };
}
