/**
 * Whether anything answers HTTP at a WebSocket URL's host: tells "server down" (fetch fails)
 * from "a web server without an XMPP WebSocket there" (any answer, even an opaque one).
 */
export async function probeHttp(websocketUrl: string): Promise<boolean> {
  try {
    const url = new URL(websocketUrl);
    url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
    await fetch(url, {
      mode: 'no-cors',
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(3000),
    });
    return true;
  } catch {
    return false;
  }
}
