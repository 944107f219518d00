import type { RpcClient } from '../../rpc/client/createRpcClient';

/**
 * Pages learn of a returning network reliably (`online` on window); a service worker may not
 * (Chromium does not always fire it there, and a stopped worker hears nothing). So the page tells
 * the engine to skip its back-off wait and reconnect now.
 */
export function forwardNetworkChanges(rpc: RpcClient): void {
  window.addEventListener('online', () => {
    rpc.call('session.reconnectNow', {}).catch(() => undefined); // the status shows the outcome
  });
}
