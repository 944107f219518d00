import type { ProxiedChunk } from '../../lib/faultProxy';
import { readFrameHeader } from '../../lib/readFrameHeader';

/** One WebSocket message as it crossed the proxy (RFC 6455 §5.2), or the HTTP upgrade. */
export interface WireFrame {
  connection: number;
  direction: ProxiedChunk['direction'];
  /** 'http': the upgrade request or answer; 'text': an XMPP frame (RFC 7395); 'control':
   * close, ping or pong; 'binary'. */
  kind: 'http' | 'text' | 'control' | 'binary';
  /** Bytes on the wire: headers, mask and payload (TCP/IP headers are not counted). */
  wireBytes: number;
  /** The payload as text, for 'text' frames. */
  text: string;
  /** When its last byte reached the proxy (performance.now() in Node). */
  at: number;
}

/** Splits one direction of one proxied connection into frames as its chunks arrive. */
function createStreamParser(
  connection: number,
  direction: ProxiedChunk['direction'],
  emit: (frame: WireFrame) => void,
) {
  let pending: Buffer = Buffer.alloc(0);
  let upgraded = false;
  let last: WireFrame | undefined;

  function takeHttp(): boolean {
    const end = pending.indexOf('\r\n\r\n');
    if (end < 0) return false;
    const wireBytes = end + 4;
    const head = pending.subarray(0, wireBytes).toString('latin1');
    // Compressed frames (permessage-deflate, RFC 7692) would make their text unreadable.
    if (/^sec-websocket-extensions:.*deflate/imu.test(head) && direction === 'toClient')
      throw new Error('the WebSocket negotiated compression: frames cannot be read');
    emit({ connection, direction, kind: 'http', wireBytes, text: '', at: performance.now() });
    pending = pending.subarray(wireBytes);
    upgraded = true;
    return true;
  }

  function takeFrame(): boolean {
    const header = readFrameHeader(pending);
    if (!header) return false;
    const first = pending[0]!;
    const start = header.headerLength;
    const length = header.payloadLength;
    if (pending.length < start + length) return false;
    if (first & 0x40) throw new Error('a compressed WebSocket frame (RSV1): cannot be read');
    const payload = Buffer.from(pending.subarray(start, start + length));
    if (header.masked) {
      const mask = pending.subarray(start - 4, start);
      for (let i = 0; i < payload.length; i++) payload[i] = payload[i]! ^ mask[i % 4]!;
    }
    pending = pending.subarray(start + length);
    const opcode = first & 0x0f;
    const wireBytes = start + length;
    if (opcode === 0 && last) {
      // A continuation: the bytes and text belong to the message it continues.
      last.wireBytes += wireBytes;
      last.text += payload.toString('utf8');
      last.at = performance.now();
      return true;
    }
    const kind = opcode === 1 ? 'text' : opcode === 2 ? 'binary' : 'control';
    const frame: WireFrame = {
      connection,
      direction,
      kind,
      wireBytes,
      text: kind === 'text' ? payload.toString('utf8') : '',
      at: performance.now(),
    };
    last = frame;
    emit(frame);
    return true;
  }

  return {
    push(data: Buffer): void {
      pending = pending.length === 0 ? data : Buffer.concat([pending, data]);
      while (upgraded ? takeFrame() : takeHttp());
    },
  };
}

/**
 * Reads the WebSocket traffic a fault proxy forwards (its `onChunk`), frame by frame, on every
 * connection. `take()` returns the frames completed since the last `take()`, and throws if a
 * stream could not be read (it must not throw inside the proxy's socket handlers).
 */
export function createWireRecorder() {
  const parsers = new Map<string, ReturnType<typeof createStreamParser>>();
  let frames: WireFrame[] = [];
  let failure: Error | undefined;
  const emit = (frame: WireFrame): void => {
    frames.push(frame);
  };
  return {
    onChunk(chunk: ProxiedChunk): void {
      if (failure) return;
      const key = `${chunk.connection} ${chunk.direction}`;
      let parser = parsers.get(key);
      if (!parser) {
        parser = createStreamParser(chunk.connection, chunk.direction, emit);
        parsers.set(key, parser);
      }
      try {
        parser.push(chunk.data);
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
      }
    },
    take(): WireFrame[] {
      if (failure) throw failure;
      const taken = frames;
      frames = [];
      return taken;
    },
  };
}

export type WireRecorder = ReturnType<typeof createWireRecorder>;
