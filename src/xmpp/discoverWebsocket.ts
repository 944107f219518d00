import { checkWebsocketUrl } from '../shared/jid';

const REL_WEBSOCKET = 'urn:xmpp:alt-connections:websocket';
const TIMEOUT_MS = 5000;

/**
 * XEP-0156 §3: look up the WebSocket endpoint a domain publishes in its host-meta, JSON first
 * (RFC 6415 §6 host-meta.json), then XML (XRD). Only endpoints our URL policy accepts are
 * returned (wss://, or ws:// on loopback). `origins` lists where to look, normally only
 * `https://DOMAIN`; the service worker adds its own origin when the domain is the host it is
 * served from (the local demo publishes host-meta there).
 */
export async function discoverWebsocket(deps: {
  fetch: typeof fetch;
  origins: string[];
}): Promise<string | null> {
  for (const origin of deps.origins) {
    const json = await fetchText(deps.fetch, `${origin}/.well-known/host-meta.json`);
    const fromJson = json === null ? null : linkFromJson(json);
    if (fromJson) return fromJson;
    const xml = await fetchText(deps.fetch, `${origin}/.well-known/host-meta`);
    const fromXml = xml === null ? null : linkFromXrd(xml);
    if (fromXml) return fromXml;
  }
  return null;
}

async function fetchText(fetchFn: typeof fetch, url: string): Promise<string | null> {
  try {
    const response = await fetchFn(url, {
      signal: AbortSignal.timeout(TIMEOUT_MS),
      credentials: 'omit',
      redirect: 'follow',
    });
    if (!response.ok) return null;
    const text = await response.text();
    return text.length > 64_000 ? null : text; // a host-meta is tiny; refuse anything else
  } catch {
    return null;
  }
}

export function linkFromJson(text: string): string | null {
  try {
    const data: unknown = JSON.parse(text);
    const links = (data as { links?: unknown }).links;
    if (!Array.isArray(links)) return null;
    for (const link of links as unknown[]) {
      const { rel, href } = (link ?? {}) as { rel?: unknown; href?: unknown };
      if (rel === REL_WEBSOCKET && typeof href === 'string' && checkWebsocketUrl(href)) return href;
    }
  } catch {
    // not JSON: fall through to the XML document
  }
  return null;
}

/** Reads <Link rel="urn:xmpp:alt-connections:websocket" href="..."/> without a DOM parser. */
export function linkFromXrd(text: string): string | null {
  for (const match of text.matchAll(/<Link\b[^>]*>/giu)) {
    const tag = match[0];
    const rel = /\brel\s*=\s*["']([^"']*)["']/iu.exec(tag)?.[1];
    const href = /\bhref\s*=\s*["']([^"']*)["']/iu.exec(tag)?.[1];
    if (rel === REL_WEBSOCKET && href && checkWebsocketUrl(decodeEntities(href)))
      return decodeEntities(href);
  }
  return null;
}

function decodeEntities(value: string): string {
  return value
    .replace(/&amp;/gu, '&')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'");
}
