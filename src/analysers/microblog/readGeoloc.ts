/**
 * Reads an XEP-0080 geoloc element (XEP-0277 Geotagging) into a flat record: each child's
 * text, with the XEP-0080 §4 decimal fields as numbers.
 */
import type { Element } from '@xmpp/xml';

const DECIMAL_FIELDS = new Set([
  'accuracy',
  'alt',
  'altaccuracy',
  'bearing',
  'error',
  'lat',
  'lon',
  'speed',
]);

export function readGeoloc(element: Element, problems: string[]): Record<string, string | number> {
  const geoloc: Record<string, string | number> = {};
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    const name = child.getName();
    const text = child.getText().trim();
    // A hostile name must not reach the prototype, and the first of a repeated field wins.
    if (name === '__proto__' || Object.hasOwn(geoloc, name) || text === '') continue;
    const number = DECIMAL_FIELDS.has(name) ? Number(text) : Number.NaN;
    if (DECIMAL_FIELDS.has(name) && !Number.isFinite(number)) {
      problems.push(`geoloc ${name}: "${text.slice(0, 32)}" is not a number; kept as text`);
    }
    geoloc[name] = Number.isFinite(number) ? number : text;
  }
  return geoloc;
}
