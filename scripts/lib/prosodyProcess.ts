import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';

const SETPRIV = '/usr/bin/setpriv';

/**
 * Spawns `prosody -F --config FILE` in the foreground. Through util-linux `setpriv --pdeathsig`
 * (which execs, so the pid stays Prosody's) the kernel sends SIGTERM to Prosody if this Node
 * process dies without running its exit handlers (SIGKILL, a crashed test worker).
 */
export function spawnProsody(configPath: string, dataDir: string): ChildProcess {
  const output = openSync(join(dataDir, 'stdout.log'), 'a');
  const prosodyArgs = ['prosody', '-F', '--config', configPath];
  const [command, ...args] = existsSync(SETPRIV)
    ? [SETPRIV, '--pdeathsig', 'TERM', '--', ...prosodyArgs]
    : prosodyArgs;
  try {
    return spawn(command!, args, { cwd: dataDir, stdio: ['ignore', output, output] });
  } finally {
    closeSync(output);
  }
}

/** Where this run's log lines will start (the log is appended to across restarts). */
export function logSize(dataDir: string): number {
  const path = join(dataDir, 'prosody.log');
  return existsSync(path) ? statSync(path).size : 0;
}

/** The last lines of Prosody's log and console output, for error messages. */
export function logTail(dataDir: string, lines = 30): string {
  const parts: string[] = [];
  for (const name of ['prosody.log', 'stdout.log']) {
    const path = join(dataDir, name);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    if (text) parts.push(`--- ${name} ---\n${text}`);
  }
  return parts.join('\n') || '(no log output)';
}

/** Resolves true when the child has exited, false after `timeoutMs`. */
export function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, timeoutMs);
    function onExit(): void {
      clearTimeout(timer);
      resolve(true);
    }
    child.once('exit', onExit);
  });
}

function answers(url: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => {
      resolve(false);
    });
    req.end();
  });
}

/**
 * Waits until Prosody serves its WebSocket endpoint on `httpPort` (a GET there answers 200 once
 * mod_websocket is mounted). Fails early if Prosody exits or logs that it could not bind a port
 * (it keeps running in that case, and another server might be answering on that port).
 */
export async function waitUntilServing(
  child: ChildProcess,
  dataDir: string,
  httpPort: number,
  timeoutMs: number,
  logStart = 0,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const url = `http://127.0.0.1:${httpPort}/xmpp-websocket`;
  const logPath = join(dataDir, 'prosody.log');
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `Prosody exited (${child.exitCode ?? child.signalCode}) while starting:\n${logTail(dataDir)}`,
      );
    }
    // Only this run's lines: a restart appends to the same log.
    const log = existsSync(logPath) ? readFileSync(logPath).subarray(logStart).toString() : '';
    if (log.includes('Failed to open server port')) {
      throw new PortInUseError(`Prosody could not bind its ports:\n${logTail(dataDir)}`);
    }
    if (log.includes(`on [127.0.0.1]:${httpPort}`) && (await answers(url, 500))) return;
    if (Date.now() > deadline) {
      throw new Error(
        `Prosody did not answer on ${url} within ${timeoutMs} ms:\n${logTail(dataDir)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Prosody started but a port was taken between picking and binding it: retry elsewhere. */
export class PortInUseError extends Error {
  override name = 'PortInUseError';
}
