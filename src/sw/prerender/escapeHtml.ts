/**
 * Text for HTML, in element content and in quoted attribute values alike: every character
 * that could end either, or start a tag or a reference, becomes a numeric reference.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}
