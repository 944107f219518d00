import { render } from 'preact';
import { createRpcClient } from '../rpc/client/createRpcClient';
import { App } from './App';
import { RpcContext } from './rpcContext';
import { captureInstallPrompt } from './install/installPrompt';
import { registerPeriodicRefresh } from './install/registerPeriodicRefresh';
import { watchStorage } from './install/storageHealth';
import { startRouter } from './router/navigation';
import { registerEngine } from './update/registerEngine';
import { UpdateContext } from './update/UpdateContext';
import { watchForUpdates } from './update/watchForUpdates';
import { connectAppState } from './state/connectAppState';
import { forwardNetworkChanges } from './state/forwardNetworkChanges';
import './styles.css';

const root = document.getElementById('app');
if (!root) throw new Error('#app missing from index.html');

if (!('serviceWorker' in navigator)) {
  root.textContent =
    'Satchel needs a browser with service workers (and not a private window in Firefox).';
} else {
  const rpc = createRpcClient({
    container: navigator.serviceWorker,
    requestTimeoutMs: 15_000,
    // Keeps the worker alive and paces its liveness probe of the XMPP stream (issue 14).
    heartbeatMs: 5_000,
    helloTimeoutMs: 4_000,
    isVisible: () => document.visibilityState === 'visible',
    onVisible: (listener) => {
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') listener();
      });
    },
    newChannelId: () => crypto.randomUUID(),
    log: (message, detail) => {
      console.warn(`[satchel] ${message}`, detail);
    },
  });
  captureInstallPrompt();
  connectAppState(rpc);
  watchStorage(rpc);
  forwardNetworkChanges(rpc);
  startRouter();
  const registering = registerEngine(navigator.serviceWorker);
  const updates = watchForUpdates(navigator.serviceWorker, registering);
  render(
    <RpcContext.Provider value={rpc}>
      <UpdateContext.Provider value={updates.acceptUpdate}>
        <App />
      </UpdateContext.Provider>
    </RpcContext.Provider>,
    root,
  );
  registering.catch((error: unknown) => {
    console.error('[satchel] could not register the engine', error);
  });
  registerPeriodicRefresh().catch(() => undefined);
  rpc.start().catch((error: unknown) => {
    console.error('[satchel] could not reach the engine', error);
  });
}
