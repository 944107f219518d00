import type {
  RpcMethod,
  RpcParams,
  RpcRequest,
  RpcResponse,
  RpcResult,
} from '../../shared/protocol';
import { SatchelError } from '../../shared/SatchelError';
import { int, obj, str, ValidationError, type Validator } from './validators';

type Handler<M extends RpcMethod> = (params: RpcParams<M>) => Promise<RpcResult<M>>;

interface Route {
  validate: Validator<unknown>;
  handler: (params: unknown) => Promise<unknown>;
}

const envelope = obj({
  kind: (v, p) => {
    if (v !== 'request') throw new ValidationError(`${p} must be "request"`);
    return v;
  },
  id: int(0, Number.MAX_SAFE_INTEGER),
  method: str(100),
  params: (v): unknown => v,
});

/**
 * Method registry (Dexie-middleware style: features plug their methods in; the router core
 * never changes). Every request is validated before any handler runs, and every failure becomes
 * a typed response: the worker never crashes on a message.
 */
export function createRpcRouter() {
  const routes = new Map<string, Route>();

  return {
    handle<M extends RpcMethod>(
      method: M,
      validate: Validator<RpcParams<M>>,
      handler: Handler<M>,
    ): void {
      if (routes.has(method)) throw new Error(`RPC method ${method} registered twice`);
      routes.set(method, { validate, handler: handler as (params: unknown) => Promise<unknown> });
    },

    async dispatch(message: unknown): Promise<RpcResponse | null> {
      let id: number;
      let request: Pick<RpcRequest, 'method' | 'params'>;
      try {
        const parsed = envelope(message, 'message');
        id = parsed.id;
        request = { method: parsed.method as RpcMethod, params: parsed.params as never };
      } catch (error) {
        const maybeId = (message as { id?: unknown } | null)?.id;
        if (typeof maybeId !== 'number') return null; // nothing to answer to
        const code = error instanceof ValidationError ? error.code : 'bad-request';
        return failure(maybeId, new SatchelError(code, (error as Error).message));
      }
      const route = routes.get(request.method);
      if (!route) return failure(id, new SatchelError('unknown-method', request.method));
      try {
        const params = route.validate(request.params, 'params');
        const result = await route.handler(params);
        return { kind: 'response', id, ok: true, result };
      } catch (error) {
        if (error instanceof ValidationError)
          return failure(id, new SatchelError(error.code, error.message));
        return failure(id, SatchelError.from(error));
      }
    },
  };
}

export type RpcRouter = ReturnType<typeof createRpcRouter>;

function failure(id: number, error: SatchelError): RpcResponse {
  return { kind: 'response', id, ok: false, error: error.toData() };
}
