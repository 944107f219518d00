import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebSocket } from 'ws';

export interface CdpClient {
  /** Sends a DevTools protocol command, to a target's session when `sessionId` is given. */
  send<T = unknown>(
    method: string,
    params?: Record<string, unknown>,
    sessionId?: string,
  ): Promise<T>;
  close(): void;
}

const COMMAND_TIMEOUT_MS = 30_000;

/**
 * A raw DevTools protocol connection to the whole browser (playwright-core only opens sessions
 * on pages): Chromium started with `--remote-debugging-port=0` writes its port and browser
 * path to `DevToolsActivePort` in the profile. Flat sessions (`Target.attachToTarget` with
 * `flatten`) reach targets such as the service worker.
 */
export async function connectCdp(userDataDir: string): Promise<CdpClient> {
  const [port, path] = readFileSync(join(userDataDir, 'DevToolsActivePort'), 'utf8').split('\n');
  const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
    };
    if (message.id === undefined) return; // an event: not used
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) waiter?.reject(new Error(message.error.message));
    else waiter?.resolve(message.result);
  });
  return {
    send<T>(method: string, params: Record<string, unknown> = {}, sessionId?: string) {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`CDP ${method} timed out`));
        }, COMMAND_TIMEOUT_MS);
        pending.set(id, {
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value as T);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
        socket.send(JSON.stringify({ id, method, params, ...(sessionId && { sessionId }) }));
      });
    },
    close: () => socket.close(),
  };
}
