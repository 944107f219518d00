/**
 * Reads RFC 4287 text constructs (§3.1: title, summary, rights) and content (§4.1.3).
 * Tolerant: an unknown type is read as text and recorded as a problem; nothing is thrown.
 */
import type { Element } from '@xmpp/xml';
import type { AtomText } from '../../shared/microblogTypes';
import { collectText, hasElementChildren, serializeChildren } from './xhtmlMarkup';

export const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/** §3.1.1.3: xhtml content is a single XHTML div, which is not part of the content. */
function readXhtml(element: Element, label: string, problems: string[]): AtomText {
  const elements = element.getChildElements();
  // Text beside the div would be lost if only the div were read: then read everything.
  const strayText = element.children.some((child) => typeof child === 'string' && child.trim());
  const div =
    !strayText && elements.length === 1 && elements[0]?.getName() === 'div'
      ? elements[0]
      : undefined;
  if (div === undefined) {
    problems.push(`${label}: xhtml without a single wrapping div; kept as it is`);
  } else if (div.getNS() !== XHTML_NS) {
    problems.push(`${label}: xhtml div is not in the XHTML namespace`);
  }
  const inner = div ?? element;
  return {
    type: 'xhtml',
    value: serializeChildren(inner),
    text: collectText(inner),
    untrustedMarkup: true,
  };
}

/** §3.1.1.2: html is escaped markup, a string. Raw child elements are a publisher's mistake:
 * they are serialized so their text is not lost. */
function readHtml(element: Element, label: string, problems: string[]): AtomText {
  if (hasElementChildren(element)) {
    problems.push(`${label}: html with unescaped child elements; serialized as markup`);
    return { type: 'html', value: serializeChildren(element), untrustedMarkup: true };
  }
  return { type: 'html', value: element.getText(), untrustedMarkup: true };
}

function readText(element: Element, label: string, problems: string[]): AtomText {
  if (hasElementChildren(element)) {
    problems.push(`${label}: text with child elements; their text is kept`);
  }
  const text = collectText(element);
  return { type: 'text', value: text, text };
}

/** §4.1.3.1: a MIME type. XML types keep their markup, text/* its text, anything else is
 * base64 (§4.1.3.3 rules 4 to 6); `src` makes it out-of-line (§4.1.3.2). */
function readMediaType(element: Element, mediaType: string): AtomText {
  const result: AtomText = { type: 'other', mediaType, value: '' };
  const src = element.attrs.src;
  if (src !== undefined) {
    result.src = src.trim();
  } else if (/[+/]xml$/.test(mediaType)) {
    result.encoding = 'xml';
    result.value = serializeChildren(element);
  } else if (mediaType.startsWith('text/')) {
    result.encoding = 'text';
    result.value = collectText(element);
  } else {
    result.encoding = 'base64';
    result.value = element.getText().replace(/\s+/g, '');
  }
  return result;
}

/**
 * Reads `element` as a text construct, or as content when `isContent` (which allows MIME
 * types and `src`). `label` names the element in problems.
 */
export function readAtomText(
  element: Element,
  label: string,
  problems: string[],
  isContent = false,
): AtomText {
  const declared = element.attrs.type?.trim();
  const type = declared === undefined || declared === '' ? 'text' : declared.toLowerCase();
  let result: AtomText;
  if (type === 'xhtml') result = readXhtml(element, label, problems);
  else if (type === 'html') result = readHtml(element, label, problems);
  else if (type === 'text') result = readText(element, label, problems);
  else if (isContent && type.includes('/')) result = readMediaType(element, type);
  else {
    problems.push(`${label}: unknown type "${declared ?? ''}"; read as text`);
    result = readText(element, label, problems);
  }
  if (isContent && result.type !== 'other' && element.attrs.src !== undefined) {
    problems.push(`${label}: src is only allowed with a media type; ignored`);
  }
  const lang = element.attrs['xml:lang'];
  if (lang !== undefined) result.lang = lang;
  return result;
}

const PREFERENCE: Record<AtomText['type'], number> = { xhtml: 3, html: 2, text: 1, other: 0 };

/** The richest of several variants (XEP-0277 "Publishing a Post": text and xhtml side by side). */
export function preferredText(variants: AtomText[]): AtomText | undefined {
  let best: AtomText | undefined;
  for (const variant of variants) {
    if (best === undefined || PREFERENCE[variant.type] > PREFERENCE[best.type]) best = variant;
  }
  return best;
}
