/**
 * The bare JID of a JID, in the form used to index and compare authors: resource dropped,
 * local part and domain lower-cased (RFC 7622 §3.2 and §3.3 case-map both; full PRECIS
 * folding is not attempted). Returns undefined for an empty result.
 */
export function bareJid(jid: string): string | undefined {
  const slash = jid.indexOf('/');
  const bare = (slash >= 0 ? jid.slice(0, slash) : jid).trim().toLowerCase();
  return bare === '' ? undefined : bare;
}
