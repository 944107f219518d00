/**
 * Turns the XHTML inside an Atom xhtml construct (RFC 4287 §3.1.1.3) into a markup string and
 * into plain text. Iterative, linear in the size of the tree: a 1 MB post or a hostile, deeply
 * nested one cannot blow the stack. Nothing is sanitized here (the page does it with DOMPurify,
 * which needs a DOM the worker does not have); namespace prefixes and declarations are dropped
 * so the string reads as an HTML fragment (which is how the page parses it).
 */
import { escapeXML, escapeXMLText } from '@xmpp/xml';
import type { Element, Node } from '@xmpp/xml';

type Step = Node | { close: string };

/** HTML void elements: written `<br/>` with no end tag, since an HTML parser reads `</br>` as
 * a second line break. Every other element gets an end tag, even when empty (`<p/>` would
 * stay open in HTML). */
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

function isElement(node: Node): node is Element {
  return typeof node !== 'string';
}

function openTag(element: Element, isVoid: boolean): string {
  const parts = ['<', element.getName()];
  for (const [name, value] of Object.entries(element.attrs)) {
    if (value === undefined || name === 'xmlns' || name.startsWith('xmlns:')) continue;
    parts.push(' ', name, '="', escapeXML(value), '"');
  }
  parts.push(isVoid ? '/>' : '>');
  return parts.join('');
}

/** Serializes the children of `element` (not the element itself). */
export function serializeChildren(element: Element): string {
  const parts: string[] = [];
  const stack: Step[] = [...element.children].reverse();
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    if (typeof step === 'string') {
      parts.push(escapeXMLText(step));
    } else if ('close' in step) {
      parts.push(step.close);
    } else if (isElement(step)) {
      const name = step.getName();
      const isVoid = VOID_ELEMENTS.has(name.toLowerCase());
      parts.push(openTag(step, isVoid));
      if (isVoid) continue;
      stack.push({ close: `</${name}>` });
      for (let i = step.children.length - 1; i >= 0; i--) {
        const child = step.children[i];
        if (child !== undefined) stack.push(child);
      }
    }
  }
  return parts.join('');
}

/** The text of every descendant text node of `element`, in document order. */
export function collectText(element: Element): string {
  const parts: string[] = [];
  const stack: Node[] = [...element.children].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!isElement(node)) {
      parts.push(node);
      continue;
    }
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i];
      if (child !== undefined) stack.push(child);
    }
  }
  return parts.join('');
}

/** Whether `element` has any element child. */
export function hasElementChildren(element: Element): boolean {
  return element.children.some(isElement);
}
