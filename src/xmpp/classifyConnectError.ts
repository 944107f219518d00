import { SatchelError } from '../shared/SatchelError';

interface ErrorLike {
  name?: string;
  code?: string;
  condition?: string;
  message?: string;
}

/**
 * Turns whatever a failed attempt threw into one stable code the form can explain. A browser
 * WebSocket error carries no detail, so "nothing listens there" and "a web server without an
 * XMPP WebSocket" are told apart by probing the same host over HTTP.
 */
export async function classifyConnectError(
  error: unknown,
  context: { reachedOpen: boolean; probe: () => Promise<boolean> },
): Promise<SatchelError> {
  if (error instanceof SatchelError) {
    if (error.code !== 'timeout' || context.reachedOpen) return error;
    return (await safeProbe(context.probe))
      ? new SatchelError('no-websocket', 'no XMPP stream was opened', { cause: error })
      : new SatchelError('server-unreachable', undefined, { cause: error });
  }
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  if (e.name === 'StreamError' || e.condition !== undefined) {
    if (e.condition === 'conflict')
      return new SatchelError('conflict', undefined, { cause: error });
    return new SatchelError('stream-error', e.condition ?? e.message, { cause: error });
  }
  if (e.name === 'XMLError')
    return new SatchelError('malformed-stanza', e.message, { cause: error });
  if (e.code === 'ECONNERROR' || !context.reachedOpen) {
    return (await safeProbe(context.probe))
      ? new SatchelError('no-websocket', e.message, { cause: error })
      : new SatchelError('server-unreachable', e.message, { cause: error });
  }
  if (e.name === 'TimeoutError') return new SatchelError('timeout', e.message, { cause: error });
  return new SatchelError('connection-lost', e.message ?? String(error), { cause: error });
}

async function safeProbe(probe: () => Promise<boolean>): Promise<boolean> {
  try {
    return await probe();
  } catch {
    return false;
  }
}
