/**
 * JID checks shared by the sign-in form and the worker (RFC 7622). Deliberately conservative:
 * it rejects what cannot be an account address rather than implementing full PRECIS.
 */
export interface ParsedJid {
  local: string;
  domain: string;
  resource?: string;
}

const FORBIDDEN_IN_LOCAL = /[\s"&'/:<>@]/u; // RFC 7622 §3.3.1 excluded characters

export function parseJid(input: string): ParsedJid | null {
  const value = input.trim();
  if (value.length === 0 || value.length > 3071) return null;
  const slash = value.indexOf('/');
  const bare = slash === -1 ? value : value.slice(0, slash);
  const resource = slash === -1 ? undefined : value.slice(slash + 1);
  const at = bare.lastIndexOf('@');
  const local = at === -1 ? '' : bare.slice(0, at);
  const domain = (at === -1 ? bare : bare.slice(at + 1)).toLowerCase().replace(/\.$/u, '');
  if (!isValidDomain(domain)) return null;
  if (at !== -1 && (local.length === 0 || local.length > 1023 || FORBIDDEN_IN_LOCAL.test(local)))
    return null;
  if (resource !== undefined && (resource.length === 0 || resource.length > 1023)) return null;
  return resource === undefined ? { local, domain } : { local, domain, resource };
}

function isValidDomain(domain: string): boolean {
  if (domain.length === 0 || domain.length > 1023) return false;
  if (domain.startsWith('[')) return /^\[[0-9a-f:.]+\]$/iu.test(domain); // IPv6 literal
  return domain
    .split('.')
    .every((label) => /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u.test(label));
}

/** An account address: a local part and a domain, no resource. Lower-cases the domain. */
export function parseAccountJid(input: string): string | null {
  const jid = parseJid(input);
  if (!jid || jid.local.length === 0 || jid.resource !== undefined) return null;
  return `${jid.local}@${jid.domain}`;
}

/** The WebSocket URL policy: wss:// anywhere, ws:// only to this computer (RFC 7395 §3.1). */
export function checkWebsocketUrl(input: string): { url: string; secure: boolean } | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol === 'wss:') return { url: url.toString(), secure: true };
  if (url.protocol === 'ws:' && isLoopback(url.hostname))
    return { url: url.toString(), secure: true };
  return null;
}

export function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/u.test(hostname) ||
    hostname === '[::1]'
  );
}
