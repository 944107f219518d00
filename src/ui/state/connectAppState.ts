import type { RpcClient } from '../../rpc/client/createRpcClient';
import { channel, connection, storage, workerBuild } from './appState';

/** Feeds the app signals from the worker's pushed events and the channel's status. */
export function connectAppState(rpc: RpcClient): void {
  rpc.on('connection', (state) => (connection.value = state));
  rpc.on('storage', (state) => (storage.value = state));
  rpc.onStatus((status, hello) => {
    channel.value = status;
    if (hello) {
      workerBuild.value = hello.build;
      storage.value = hello.storage;
    }
  });
}
