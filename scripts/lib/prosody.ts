import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './freePort';
import { trackChildPid, untrackChildPid } from './processCleanup';
import { renderProsodyConfig } from './prosodyConfig';
import { registerAccount } from './prosodyctl';
import {
  logSize,
  PortInUseError,
  spawnProsody,
  waitForExit,
  waitUntilServing,
} from './prosodyProcess';

export interface StartProsodyOptions {
  /** Where config, data, pidfile and logs live. Default: a fresh temporary directory. */
  dataDir?: string;
  /** Default "localhost". The pubsub component is `pubsub.<domain>`. */
  domain?: string;
  /** Keep the data directory on stop(). Default: true for a given dataDir, false for a temp one. */
  keepData?: boolean;
  /** Ports to use (e.g. the ones a previous demo run used); default: free ones. */
  httpPort?: number;
  c2sPort?: number;
  /** XEP-0198 resumption window; default 600 s (Prosody's default). */
  smacksHibernationSeconds?: number;
  /** Prosody's `c2s_stanza_size_limit` in bytes; default Prosody's (256 KiB). */
  stanzaSizeLimit?: number;
  /** `pubsub_max_items`; default 20,000. */
  pubsubMaxItems?: number;
  /** How long to wait for the server to serve WebSocket; default 15 s. */
  startTimeoutMs?: number;
}

export interface ProsodyServer {
  domain: string;
  /** The pubsub component's JID. */
  pubsubService: string;
  httpPort: number;
  c2sPort: number;
  /** `ws://127.0.0.1:PORT/xmpp-websocket` (RFC 7395). */
  wsUrl: string;
  dataDir: string;
  configPath: string;
  /** The running Prosody's pid (changes on restart). */
  readonly pid: number;
  /** Creates or re-passwords an account; resolves to its bare JID. */
  register(user: string, password: string): Promise<string>;
  /** Stops Prosody (SIGTERM, SIGKILL after 5 s) and removes temporary data. Idempotent. */
  stop(): Promise<void>;
  /** Stops and starts again on the same ports with the same data. */
  restart(): Promise<void>;
  /** Stops the process but keeps ports and data (an outage); restart() brings it back. */
  down(): Promise<void>;
}

const PLUGIN_DIR = fileURLToPath(new URL('../prosody-modules', import.meta.url));
const STOP_TIMEOUT_MS = 5_000;
const PORT_ATTEMPTS = 3;

/** Starts a private Prosody 0.12 on loopback; see prosodyConfig.ts for what it offers. */
export async function startProsody(options: StartProsodyOptions = {}): Promise<ProsodyServer> {
  const domain = options.domain ?? 'localhost';
  const dataDir = options.dataDir
    ? resolve(options.dataDir)
    : mkdtempSync(join(tmpdir(), 'satchel-prosody-'));
  const keepData = options.keepData ?? options.dataDir !== undefined;
  const startTimeoutMs = options.startTimeoutMs ?? 15_000;
  const configPath = join(dataDir, 'prosody.cfg.lua');
  mkdirSync(join(dataDir, 'certs'), { recursive: true });

  let httpPort: number;
  let c2sPort: number;
  let child: ChildProcess | undefined;

  async function launch(): Promise<void> {
    const logStart = logSize(dataDir);
    const started = spawnProsody(configPath, dataDir);
    if (started.pid === undefined)
      throw new Error('prosody could not be spawned (is it installed?)');
    trackChildPid(started.pid);
    child = started;
    try {
      await waitUntilServing(started, dataDir, httpPort, startTimeoutMs, logStart);
    } catch (error) {
      await kill(started);
      throw error;
    }
  }

  async function kill(target: ChildProcess): Promise<void> {
    if (target.pid === undefined) return;
    target.kill('SIGTERM');
    if (!(await waitForExit(target, STOP_TIMEOUT_MS))) {
      target.kill('SIGKILL');
      await waitForExit(target, STOP_TIMEOUT_MS);
    }
    untrackChildPid(target.pid);
  }

  // A port picked free may be taken before Prosody binds it: pick again (unless fixed).
  for (let attempt = 1; ; attempt++) {
    httpPort = options.httpPort ?? (await freePort());
    c2sPort = options.c2sPort ?? (await freePort());
    const smacksHibernationSeconds = options.smacksHibernationSeconds ?? 600;
    const pluginDir = PLUGIN_DIR;
    const config = {
      domain,
      dataDir,
      c2sPort,
      httpPort,
      smacksHibernationSeconds,
      pluginDir,
      ...(options.stanzaSizeLimit !== undefined && { stanzaSizeLimit: options.stanzaSizeLimit }),
      ...(options.pubsubMaxItems !== undefined && { pubsubMaxItems: options.pubsubMaxItems }),
    };
    writeFileSync(configPath, renderProsodyConfig(config));
    try {
      await launch();
      break;
    } catch (error) {
      const fixedPorts = options.httpPort !== undefined || options.c2sPort !== undefined;
      if (!(error instanceof PortInUseError) || fixedPorts || attempt >= PORT_ATTEMPTS) {
        if (!keepData) rmSync(dataDir, { recursive: true, force: true });
        throw error;
      }
    }
  }

  let stopped = false;
  return {
    domain,
    pubsubService: `pubsub.${domain}`,
    httpPort,
    c2sPort,
    wsUrl: `ws://127.0.0.1:${httpPort}/xmpp-websocket`,
    dataDir,
    configPath,
    get pid() {
      return child?.pid ?? -1;
    },
    register: (user, password) => registerAccount(configPath, user, domain, password),
    async stop() {
      if (stopped) return;
      stopped = true;
      if (child) await kill(child);
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
    async restart() {
      if (stopped) throw new Error('restart() after stop()');
      if (child) await kill(child);
      await launch();
    },
    async down() {
      if (stopped) throw new Error('down() after stop()');
      if (child) await kill(child);
    },
  };
}
