import { useCallback, useState } from 'preact/hooks';
import type { RpcResult } from '../../../shared/protocol';
import { useRpcQuery } from '../../hooks/useRpcQuery';
import { useRpc } from '../../rpcContext';

type Lookup = 'pubsub.listSubscriptions' | 'contacts.listMicroblogs';

/** Answers kept for the page's life, per account: home is visited often, the lookups cost the
 * server one request per service or contact, and their answers change rarely. */
const remembered = new Map<string, unknown>();

/**
 * A parameterless lookup on the server for the home page, asked once per account (mount it
 * only while online). `refresh` forgets the remembered answer and asks again.
 */
export function useServerLookup<M extends Lookup>(method: M, account: string, timeoutMs: number) {
  const rpc = useRpc();
  const key = `${method}\n${account}`;
  const [round, setRound] = useState(0);
  const query = useRpcQuery(async (): Promise<RpcResult<M>> => {
    if (remembered.has(key)) return remembered.get(key) as RpcResult<M>;
    const answer = await rpc.call<M>(method, {}, timeoutMs);
    remembered.set(key, answer);
    return answer;
  }, [key, round]);
  const refresh = useCallback(() => {
    remembered.delete(key);
    setRound((r) => r + 1);
  }, [key]);
  return { state: query.state, refresh };
}
