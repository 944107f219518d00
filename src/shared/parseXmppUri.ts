/**
 * Parses XMPP URIs (RFC 5122 §2) such as the XEP-0060 §12.21 / XEP-0277 node and item
 * references `xmpp:romeo@montague.lit?;node=urn%3Axmpp%3Amicroblog%3A0;item=abc`.
 * Tolerant of what publishers really write: whitespace inside the URI (XEP-0277's own reply
 * example wraps it over lines), unencoded ':' and '/' in node names, stray '%' signs.
 */

export interface XmppUri {
  /** The target JID (the URI's path), percent-decoded. */
  jid: string;
  /** The query type (XEP-0147 action such as 'pubsub' or 'message'); '' when the query starts
   * with ';' as in XEP-0277's references. Absent when the URI has no query. */
  action?: string;
  /** The key=value pairs of the query, decoded; the first of a repeated key wins. */
  params: Record<string, string>;
  /** Shortcuts for params.node and params.item. */
  node?: string;
  item?: string;
}

/** Decodes %XX escapes; a malformed escape is left as written rather than failing the URI. */
function percentDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/** Returns null when `uri` is not an `xmpp:` URI or names no JID. */
export function parseXmppUri(uri: string): XmppUri | null {
  // Whitespace cannot appear unescaped in a URI (RFC 3986 §2): it is line wrapping, drop it.
  let rest = uri.replace(/\s+/g, '');
  if (!/^xmpp:/i.test(rest)) return null;
  rest = rest.slice(5);
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  // RFC 5122 §2.3: `xmpp://auth@host/target` names the account to use, then the target.
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    rest = slash >= 0 ? rest.slice(slash + 1) : '';
  }
  const question = rest.indexOf('?');
  const jid = percentDecode(question >= 0 ? rest.slice(0, question) : rest);
  if (!jid) return null;
  // No prototype: a `__proto__` key in a hostile URI stays an ordinary key.
  const result: XmppUri = { jid, params: Object.create(null) as Record<string, string> };
  if (question < 0) return result;

  const [action = '', ...pairs] = rest.slice(question + 1).split(';');
  result.action = percentDecode(action);
  for (const pair of pairs) {
    if (!pair) continue;
    const equals = pair.indexOf('=');
    const key = percentDecode(equals >= 0 ? pair.slice(0, equals) : pair);
    const value = equals >= 0 ? percentDecode(pair.slice(equals + 1)) : '';
    if (!Object.hasOwn(result.params, key)) result.params[key] = value;
  }
  if (result.params.node !== undefined) result.node = result.params.node;
  if (result.params.item !== undefined) result.item = result.params.item;
  return result;
}
