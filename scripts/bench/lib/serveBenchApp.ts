import { freePort, isPortFree } from '../../lib/freePort';
import { serveApp, type ServedApp } from '../../serveApp';

/**
 * Serves the bench's build. IndexedDB belongs to an origin, port included, so a run that
 * starts from the saved profile must use the port the profile was made on.
 */
export async function serveBenchApp(
  dir: string,
  websocketUrl: string,
  port?: number,
): Promise<ServedApp> {
  if (port !== undefined && !(await isPortFree(port)))
    throw new Error(
      `port ${port} (the saved profile's origin) is taken: free it, or delete .bench/chromium-template to rebuild it`,
    );
  return serveApp({ dir, websocketUrl, port: port ?? (await freePort()) });
}
