import { signal } from '@preact/signals';

/** The current time for "3 min ago" labels, ticking every 30 s while some view shows one. */
export const now = signal(Date.now());

let users = 0;
let timer: ReturnType<typeof setInterval> | undefined;

/** Starts the tick for one user; returns its stop. Used by RelativeTime's effect. */
export function useClockTick(): () => void {
  users += 1;
  if (timer === undefined) {
    now.value = Date.now();
    timer = setInterval(() => (now.value = Date.now()), 30_000);
  }
  return () => {
    users -= 1;
    if (users === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
