/**
 * The text of untrusted HTML, for places that show text only (titles, list excerpts). The
 * DOMParser document is inert: its scripts never run and its images never load.
 */
export function markupToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // Block elements become spaces so "<p>a</p><p>b</p>" reads "a b", not "ab".
  for (const block of doc.body.querySelectorAll(
    'p, div, br, li, h1, h2, h3, h4, h5, h6, blockquote, pre, tr',
  ))
    block.append(' ');
  return doc.body.textContent.replace(/\s+/gu, ' ').trim();
}
