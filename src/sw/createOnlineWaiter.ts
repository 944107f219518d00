import type { ConnectionState } from '../shared/protocol';

/** Waits, with a timeout, for the session to be online: a Background Sync event needs one. */
export function createOnlineWaiter() {
  const waiting = new Set<(account: string) => void>();
  return {
    /** Called when the session reports online. */
    arrived(account: string): void {
      for (const resolve of waiting) resolve(account);
      waiting.clear();
    },
    /** The online account, or undefined when none came within `timeoutMs`. */
    wait(current: ConnectionState, timeoutMs: number): Promise<string | undefined> {
      if (current.status === 'online' && current.account) return Promise.resolve(current.account);
      if (current.status === 'signedOut' && !current.restoring) return Promise.resolve(undefined);
      return new Promise((resolve) => {
        const done = (account: string | undefined): void => {
          clearTimeout(timer);
          waiting.delete(done);
          resolve(account);
        };
        const timer = setTimeout(() => done(undefined), timeoutMs);
        waiting.add(done);
      });
    },
  };
}
