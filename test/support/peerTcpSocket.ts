import { Socket } from 'node:net';
import type { XmppPeer } from '../../scripts/lib/xmppPeer';

/**
 * The TCP socket under a Node peer's WebSocket, to see the bytes that arrived before ws turns
 * them into messages (ws never delivers a partial frame). Private fields of two libraries:
 * @xmpp/websocket's Socket keeps the WebSocket in `socket`, and ws keeps its net.Socket in
 * `_socket`. Throws when either moved, rather than tap nothing.
 */
export function peerTcpSocket(peer: XmppPeer): Socket {
  const wrapper = (peer.client as unknown as { socket?: { socket?: { _socket?: unknown } } })
    .socket;
  const tcp = wrapper?.socket?._socket;
  if (!(tcp instanceof Socket)) {
    throw new Error(
      'peerTcpSocket: no net.Socket under the peer (did @xmpp/websocket or ws change?)',
    );
  }
  return tcp;
}
