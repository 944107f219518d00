import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemo } from '../seedDemo';
import { isPortFree } from './freePort';
import { startProsody, type ProsodyServer } from './prosody';
import { connectPeer } from './xmppPeer';

export const DEMO_USER = 'demo';
export const DEMO_PASSWORD = 'satchel-demo';
/** Bump when demo content changes so an existing .demo/ is seeded again. */
const SEED_MARKER = 'seeded-v2';

interface SavedPorts {
  httpPort: number;
  c2sPort: number;
}

/** The ports of the previous run, if still free: the app keeps the WebSocket URL it used. */
async function previousPorts(dataDir: string): Promise<Partial<SavedPorts>> {
  const path = join(dataDir, 'ports.json');
  if (!existsSync(path)) return {};
  try {
    const saved = JSON.parse(readFileSync(path, 'utf8')) as SavedPorts;
    const free = (await isPortFree(saved.httpPort)) && (await isPortFree(saved.c2sPort));
    return free ? saved : {};
  } catch {
    return {};
  }
}

/**
 * The `npm start` Prosody: persistent data in `dataDir`, the demo account registered and the
 * demo content published once (a marker file remembers it).
 */
export async function startDemoServer(
  dataDir: string,
): Promise<{ server: ProsodyServer; jid: string; seeded: boolean }> {
  mkdirSync(dataDir, { recursive: true });
  const server = await startProsody({ dataDir, keepData: true, ...(await previousPorts(dataDir)) });
  try {
    const ports: SavedPorts = { httpPort: server.httpPort, c2sPort: server.c2sPort };
    writeFileSync(join(dataDir, 'ports.json'), `${JSON.stringify(ports)}\n`);
    const jid = await server.register(DEMO_USER, DEMO_PASSWORD);
    const marker = join(dataDir, SEED_MARKER);
    if (existsSync(marker)) return { server, jid, seeded: false };
    const peer = await connectPeer({ wsUrl: server.wsUrl, jid, password: DEMO_PASSWORD });
    try {
      const result = await seedDemo(peer, { pubsubService: server.pubsubService });
      writeFileSync(marker, `${new Date().toISOString()} ${result.items} items\n`);
    } finally {
      await peer.stop();
    }
    return { server, jid, seeded: true };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
