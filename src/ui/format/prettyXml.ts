const INDENT = '  ';

function attributes(element: Element): string {
  return Array.from(
    element.attributes,
    (a) => ` ${a.name}="${a.value.replace(/"/gu, '&quot;')}"`,
  ).join('');
}

function escapeText(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

function write(node: Node, depth: number, out: string[]): void {
  const pad = INDENT.repeat(depth);
  if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.CDATA_SECTION_NODE) {
    const text = node.textContent?.trim();
    if (text) out.push(pad + escapeText(text));
    return;
  }
  if (node.nodeType === Node.COMMENT_NODE) {
    out.push(`${pad}<!--${node.textContent ?? ''}-->`);
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  const element = node as Element;
  const open = `${pad}<${element.tagName}${attributes(element)}`;
  const children = Array.from(element.childNodes).filter(
    (c) => c.nodeType !== Node.TEXT_NODE || c.textContent?.trim(),
  );
  if (children.length === 0) {
    out.push(`${open}/>`);
  } else if (children.length === 1 && children[0]?.nodeType === Node.TEXT_NODE) {
    out.push(`${open}>${escapeText(children[0].textContent?.trim() ?? '')}</${element.tagName}>`);
  } else {
    out.push(`${open}>`);
    for (const child of children) write(child, depth + 1, out);
    out.push(`${pad}</${element.tagName}>`);
  }
}

/**
 * The item's XML indented for reading, as TEXT (rendered in a <pre>, never as markup). The XML
 * DOMParser builds an inert document: nothing in it loads or runs. Unparsable XML is shown as is.
 */
export function prettyXml(xml: string): string {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) return xml;
  const out: string[] = [];
  write(doc.documentElement, 0, out);
  return out.join('\n');
}
