import type {
  ConnectionState,
  HelloMessage,
  RpcEventMessage,
  StorageState,
  UnknownChannelMessage,
  WorkerToPageMessage,
} from '../../shared/protocol';
import type { RpcRouter } from './createRpcRouter';
import { int, obj, oneOf, str } from './validators';

/** What the hub needs of the page that sent a `controller.postMessage`. */
export interface MessageSource {
  id: string;
  postMessage(message: UnknownChannelMessage): void;
}

interface Channel {
  port: MessagePort;
  clientId: string;
}

const controllerMessage = obj({
  type: oneOf('satchel.connect', 'satchel.heartbeat'),
  channelId: str(100),
  protocol: (v) => v,
  seq: (v) => (v === undefined ? undefined : int(0, Number.MAX_SAFE_INTEGER)(v, 'seq')),
});

/**
 * The worker's end of every page channel. Pages hand a MessagePort over with
 * `controller.postMessage` (which also wakes and keeps alive the worker); requests then arrive
 * on the port. Ports have no close event, so channels of pages that are gone are pruned by
 * comparing with the worker's live clients.
 */
export function createChannelHub(deps: {
  router: RpcRouter;
  build: string;
  connectionState: () => ConnectionState;
  storageState: () => StorageState;
  liveClientIds: () => Promise<string[]>;
  log: (message: string, detail?: unknown) => void;
}) {
  const channels = new Map<string, Channel>();

  function post(channel: Channel, message: WorkerToPageMessage): void {
    try {
      channel.port.postMessage(message);
    } catch (error) {
      deps.log('post to page failed', error);
    }
  }

  async function prune(): Promise<void> {
    const alive = new Set(await deps.liveClientIds());
    for (const [id, channel] of channels) if (!alive.has(channel.clientId)) channels.delete(id);
  }

  function attach(channelId: string, port: MessagePort, clientId: string): void {
    const channel: Channel = { port, clientId };
    channels.set(channelId, channel);
    port.onmessage = (event: MessageEvent<unknown>) => {
      deps.router
        .dispatch(event.data)
        .then((response) => response && post(channel, response))
        .catch((error: unknown) => deps.log('dispatch failed', error));
    };
    port.start();
    const hello: HelloMessage = {
      kind: 'hello',
      channelId,
      protocol: 1,
      build: deps.build,
      connection: deps.connectionState(),
      storage: deps.storageState(),
    };
    post(channel, hello);
  }

  return {
    /** Handles a message that came through `controller.postMessage`. Never throws. */
    async onControllerMessage(
      data: unknown,
      ports: readonly MessagePort[],
      source: MessageSource | null,
    ): Promise<void> {
      let message: ReturnType<typeof controllerMessage>;
      try {
        message = controllerMessage(data, 'message');
      } catch (error) {
        deps.log('ignored malformed controller message', error);
        return;
      }
      if (message.type === 'satchel.connect') {
        const port = ports[0];
        if (!port || !source) return;
        await prune().catch((error: unknown) => deps.log('prune failed', error));
        attach(message.channelId, port, source.id);
        return;
      }
      const channel = channels.get(message.channelId);
      if (channel) post(channel, { kind: 'pong', seq: message.seq ?? 0 });
      // A restarted worker has forgotten every port: tell the page to hand over a new one.
      else source?.postMessage({ type: 'satchel.unknownChannel', channelId: message.channelId });
    },

    broadcast(message: RpcEventMessage): void {
      for (const channel of channels.values()) post(channel, message);
    },

    channelCount: (): number => channels.size,
  };
}

export type ChannelHub = ReturnType<typeof createChannelHub>;
