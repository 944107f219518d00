import type { RpcClient } from '../../rpc/client/createRpcClient';
import { channel, connection, storage, workerBuild } from './appState';

/** Feeds the app signals from the worker's pushed events and the channel's status. */
export function connectAppState(rpc: RpcClient): void {
  let known = false;
  rpc.on('connection', (state) => {
    // A worker restarted under an open page says `restoring` until it has read the account:
    // the page keeps what it showed (a moment of "Starting…" would unmount the open view).
    if (state.restoring && known) return;
    known ||= !state.restoring;
    connection.value = state;
  });
  rpc.on('storage', (state) => (storage.value = state));
  rpc.onStatus((status, hello) => {
    channel.value = status;
    if (hello) {
      workerBuild.value = hello.build;
      storage.value = hello.storage;
    }
  });
}
