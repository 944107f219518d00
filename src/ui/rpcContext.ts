import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { RpcClient } from '../rpc/client/createRpcClient';

/** Components reach the worker only through this client (never IndexedDB, never a socket). */
export const RpcContext = createContext<RpcClient | null>(null);

export function useRpc(): RpcClient {
  const rpc = useContext(RpcContext);
  if (!rpc) throw new Error('useRpc outside <RpcContext.Provider>');
  return rpc;
}
