import type {
  ControllerMessage,
  HelloMessage,
  RpcEventName,
  RpcEvents,
  RpcMethod,
  RpcParams,
  RpcResult,
  WorkerToPageMessage,
} from '../../shared/protocol';
import { SatchelError } from '../../shared/SatchelError';
import { createChannelWatch } from './createChannelWatch';

export type ChannelStatus = 'connecting' | 'ready' | 'mismatch';

export interface RpcClientDeps {
  container: ServiceWorkerContainer;
  requestTimeoutMs: number;
  /** How often a visible page pings the worker through `controller.postMessage` (≤ 20 s). */
  heartbeatMs: number;
  helloTimeoutMs: number;
  isVisible: () => boolean;
  onVisible: (listener: () => void) => void;
  newChannelId: () => string;
  log: (message: string, detail?: unknown) => void;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: SatchelError) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * The page's end of the RPC. It hands the worker a MessageChannel port through
 * `controller.postMessage`, times out every request, and re-establishes the channel by itself
 * when the worker restarted (it forgets ports) or stopped answering.
 */
export function createRpcClient(deps: RpcClientDeps) {
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(data: never) => void>>();
  const statusListeners = new Set<(status: ChannelStatus, hello?: HelloMessage) => void>();
  let nextId = 1;
  let port: MessagePort | undefined;
  let channelId = '';
  let ready: Promise<MessagePort> | undefined;
  let started: Promise<void> | undefined;
  let running = false;

  function setStatus(status: ChannelStatus, hello?: HelloMessage): void {
    for (const listener of statusListeners) listener(status, hello);
  }

  function controller(): ServiceWorker {
    const c = deps.container.controller;
    if (!c) throw new SatchelError('worker-unavailable', 'no service worker controls this page');
    return c;
  }

  function post(message: ControllerMessage, transfer: Transferable[] = []): void {
    controller().postMessage(message, transfer);
  }

  function establish(): Promise<MessagePort> {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      p.reject(new SatchelError('worker-unavailable', 'the channel was re-established'));
      pending.delete(id);
    }
    port?.close();
    setStatus('connecting');
    const channel = new MessageChannel();
    const id = deps.newChannelId();
    channelId = id;
    port = channel.port1;
    const attempt = new Promise<MessagePort>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new SatchelError('worker-unavailable', 'no hello')),
        deps.helloTimeoutMs,
      );
      channel.port1.onmessage = (event: MessageEvent<WorkerToPageMessage>) => {
        const message = event.data;
        if (message.kind === 'hello') {
          clearTimeout(timer);
          // The worker may be another deployment: compare as data, not as the type says.
          const protocol: number = message.protocol;
          if (protocol !== 1) setStatus('mismatch', message);
          else setStatus('ready', message);
          emit('connection', message.connection);
          resolve(channel.port1);
        } else onPortMessage(message);
      };
      post({ type: 'satchel.connect', channelId: id, protocol: 1 }, [channel.port2]);
    });
    ready = attempt;
    attempt.catch(() => {
      if (ready === attempt) ready = undefined; // the next call or heartbeat tries again
    });
    return attempt;
  }

  /** The current channel, established once at a time. */
  function ensureChannel(): Promise<MessagePort> {
    return ready ?? establish();
  }

  function onPortMessage(message: WorkerToPageMessage): void {
    if (message.kind === 'response') {
      const p = pending.get(message.id);
      if (!p) return;
      pending.delete(message.id);
      clearTimeout(p.timer);
      if (message.ok) p.resolve(message.result);
      else p.reject(SatchelError.fromData(message.error));
    } else if (message.kind === 'event') {
      emit(message.event, message.data);
    } else if (message.kind === 'pong') {
      watch.pong(message.seq);
    }
  }

  function emit<E extends RpcEventName>(event: E, data: RpcEvents[E]): void {
    for (const listener of listeners.get(event) ?? [])
      (listener as (d: RpcEvents[E]) => void)(data);
  }

  const watch = createChannelWatch({
    heartbeatMs: deps.heartbeatMs,
    pongTimeoutMs: deps.helloTimeoutMs,
    isVisible: deps.isVisible,
    onVisible: deps.onVisible,
    sendHeartbeat: (seq) => post({ type: 'satchel.heartbeat', channelId, seq }),
    onDead: () => {
      ready = undefined;
      ensureChannel().catch((e: unknown) => deps.log('channel re-establish failed', e));
    },
  });

  deps.container.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data as { type?: unknown; channelId?: unknown } | null;
    if (data?.type === 'satchel.unknownChannel' && data.channelId === channelId) watch.dead();
  });
  // Messages from the worker to this page are queued until this is called (HTML spec: the
  // client message queue is only enabled by onmessage or startMessages()).
  deps.container.startMessages();
  // A new worker took over (an update was accepted): its predecessor's ports are gone.
  deps.container.addEventListener('controllerchange', () => {
    if (running) watch.dead();
  });

  async function start(): Promise<void> {
    // A controlled page talks to its worker at once: waiting for `ready` first cost a cold
    // start about 25 ms in Chromium here (issue 8 §4).
    if (!deps.container.controller) await deps.container.ready;
    if (!deps.container.controller) {
      // First visit: the worker claims this page once it is active (sw.ts, clients.claim()).
      await new Promise<void>((resolve) =>
        deps.container.addEventListener('controllerchange', () => resolve(), { once: true }),
      );
    }
    await ensureChannel();
    running = true;
    watch.start();
  }

  return {
    start(): Promise<void> {
      started ??= start();
      return started;
    },

    async call<M extends RpcMethod>(
      method: M,
      params: RpcParams<M>,
      timeoutMs = deps.requestTimeoutMs,
    ): Promise<RpcResult<M>> {
      if (!started) throw new SatchelError('worker-unavailable', 'the RPC client was not started');
      await started.catch(() => undefined);
      const target = await ensureChannel();
      const id = nextId++;
      return new Promise<RpcResult<M>>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(
            new SatchelError('worker-unavailable', `${method} timed out after ${timeoutMs} ms`),
          );
          watch.check(); // the worker may have died: find out now, not at the next heartbeat
        }, timeoutMs);
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
        target.postMessage({ kind: 'request', id, method, params });
      });
    },

    on<E extends RpcEventName>(event: E, listener: (data: RpcEvents[E]) => void): () => void {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },

    onStatus(listener: (status: ChannelStatus, hello?: HelloMessage) => void): () => void {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
  };
}

export type RpcClient = ReturnType<typeof createRpcClient>;
