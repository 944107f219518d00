/**
 * Kills child servers when this process ends, even when a test throws or the user presses
 * Ctrl-C, so no Prosody outlives the run. 'exit' handlers must be synchronous: SIGKILL there.
 */
const tracked = new Set<number>();
let installed = false;

function killAll(signal: NodeJS.Signals): void {
  for (const pid of tracked) {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  killAll('SIGTERM');
  // Only exit when nobody else listens (e.g. start.ts stops things gracefully on its own).
  if (process.listenerCount(signal) <= 1) {
    process.exit(signal === 'SIGINT' ? 130 : 143);
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', () => {
    killAll('SIGKILL');
  });
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** Kill `pid` when this process exits. */
export function trackChildPid(pid: number): void {
  install();
  tracked.add(pid);
}

/** `pid` was stopped normally: forget it. */
export function untrackChildPid(pid: number): void {
  tracked.delete(pid);
}
