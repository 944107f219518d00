import { readFrameHeader } from './readFrameHeader';

/** A complete server frame, as the scanner hands it to `inspect` while it is holding frames. */
export interface ScannedFrame {
  opcode: number;
  /** The payload (server frames are unmasked: RFC 6455 §5.1), changeable in place. */
  payload: Buffer;
}

export interface ServerFrameScanner {
  /** Bytes from the server in; the bytes to forward out, in order, the same count overall. */
  push(chunk: Buffer): Buffer[];
}

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * Follows the frame boundaries of one server→client WebSocket stream (after the HTTP upgrade
 * answer, RFC 6455 §4.2.2 and §5.2) so the fault proxy can rewrite a whole frame's payload.
 * While `holding()` is true each frame is held until complete and passed to `inspect`, which
 * may change payload bytes (never the length: the header stays valid). Otherwise bytes pass
 * at once; only a frame header split across two chunks waits for its second part.
 */
export function createServerFrameScanner(
  holding: () => boolean,
  inspect: (frame: ScannedFrame) => void,
): ServerFrameScanner {
  let upgraded = false;
  /** The last bytes of the HTTP answer seen so far (its blank line may span two chunks). */
  let httpTail = Buffer.alloc(0);
  /** Bytes of the current frame not forwarded yet (its header, or the whole frame if held). */
  let held = Buffer.alloc(0);
  /** Payload bytes still to pass through of a frame forwarded as it arrives. */
  let passing = 0;

  return {
    push(chunk) {
      const out: Buffer[] = [];
      let data = chunk;
      if (!upgraded) {
        const seen = Buffer.concat([httpTail, data]);
        const end = seen.indexOf(HEADER_END);
        if (end < 0) {
          httpTail = seen.subarray(Math.max(0, seen.length - 3));
          return [data];
        }
        upgraded = true;
        const split = end + HEADER_END.length - httpTail.length;
        out.push(data.subarray(0, split));
        data = data.subarray(split);
      }
      while (data.length > 0) {
        if (passing > 0) {
          const take = Math.min(passing, data.length);
          out.push(data.subarray(0, take));
          passing -= take;
          data = data.subarray(take);
          continue;
        }
        // Every way on from here sets `data` again or leaves the loop.
        held = Buffer.concat([held, data]);
        const header = readFrameHeader(held);
        if (!header) break;
        const total = header.headerLength + header.payloadLength;
        if (!holding()) {
          const take = Math.min(total, held.length);
          out.push(held.subarray(0, take));
          passing = total - take;
          data = held.subarray(take);
          held = Buffer.alloc(0);
          continue;
        }
        if (held.length < total) break;
        const frame = Buffer.from(held.subarray(0, total));
        inspect({ opcode: frame[0]! & 0x0f, payload: frame.subarray(header.headerLength) });
        out.push(frame);
        data = held.subarray(total);
        held = Buffer.alloc(0);
      }
      return out.filter((part) => part.length > 0);
    },
  };
}
