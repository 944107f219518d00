/**
 * Heartbeats through `controller.postMessage` while the page is visible: they keep the worker
 * alive (a port message does not, platform-facts) and prove the channel works. A missing pong
 * or a check that fails declares the channel dead, once, so the client re-establishes it.
 */
export function createChannelWatch(deps: {
  heartbeatMs: number;
  pongTimeoutMs: number;
  isVisible: () => boolean;
  onVisible: (listener: () => void) => void;
  sendHeartbeat: (seq: number) => void;
  onDead: () => void;
}) {
  let seq = 0;
  let awaiting: { seq: number; timer: ReturnType<typeof setTimeout> } | undefined;
  let interval: ReturnType<typeof setInterval> | undefined;

  function beat(): void {
    if (awaiting) return; // one heartbeat in flight at a time
    const current = ++seq;
    awaiting = { seq: current, timer: setTimeout(() => dead(), deps.pongTimeoutMs) };
    try {
      deps.sendHeartbeat(current);
    } catch {
      dead();
    }
  }

  function dead(): void {
    if (awaiting) clearTimeout(awaiting.timer);
    awaiting = undefined;
    deps.onDead();
  }

  return {
    start(): void {
      interval ??= setInterval(() => {
        if (deps.isVisible()) beat();
      }, deps.heartbeatMs);
      deps.onVisible(beat);
    },
    pong(value: number): void {
      if (awaiting?.seq !== value) return;
      clearTimeout(awaiting.timer);
      awaiting = undefined;
    },
    check: beat,
    dead,
  };
}
