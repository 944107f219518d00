import { decodeSegments } from '../../shared/appPaths';
import type { ItemView, NodeAddress } from '../../shared/protocol';
import { log } from '../log';
import { renderFeedRows } from './renderFeedRows';
import { spliceShell } from './spliceShell';

/** What the rows are read with: the engine's own session and stores (startEngine.ts). */
export interface PrerenderSource {
  /** The account the page will show once the stored one is read; undefined: signed out. */
  account(): Promise<string | undefined>;
  /** readFirstRows.ts on the engine's stores: a cached feed's newest rows, or undefined. */
  firstRows(
    account: string,
    address: NodeAddress,
  ): Promise<{ items: ItemView[]; total: number } | undefined>;
}

/**
 * Past this the shell goes without rows: a pre-render must never make a start slower by much
 * (a large or busy database, an upgrade blocked by an old tab).
 */
const WAIT_MS = 150;

/**
 * A navigation's response: the app shell, and for a feed (`/feed/<service>/<node>`, as
 * ui/router/paths.ts reads it) whose first rows the cache holds, those rows in it, rendered
 * here so they show before the page's script has even loaded (a cold start offline otherwise
 * waits for the script, the engine's hello and a request). Any other URL is decided from the
 * path alone, without starting the engine; a failure or the timeout gives the plain shell.
 */
export async function prerenderFeed(
  url: URL,
  shell: () => Promise<Response>,
  source: () => PrerenderSource,
): Promise<Response> {
  const [head, service, node, ...rest] = decodeSegments(url.pathname) ?? [];
  if (head !== 'feed' || service === undefined || node === undefined || rest.length > 0)
    return shell();
  const address = { service, node };
  const rows = (async () => {
    const engine = source();
    const account = await engine.account();
    const first = account && (await engine.firstRows(account, address));
    return first ? renderFeedRows({ address, ...first, now: Date.now() }) : undefined;
  })().catch((error: unknown) => log('feed pre-render failed', error));
  const timeout = new Promise<undefined>((resolve) => setTimeout(resolve, WAIT_MS, undefined));
  const [response, block] = await Promise.all([shell(), Promise.race([rows, timeout])]);
  if (block === undefined || !response.ok) return response;
  const headers = new Headers(response.headers);
  headers.delete('content-length'); // the body grew
  return new Response(spliceShell(await response.text(), block), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
