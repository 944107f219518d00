/** A WebSocket frame as far as it arrived (RFC 6455 section 5.2). */
export interface ReceivedFrame {
  opcode: number;
  /** What the header says the payload is; -1 when the header itself is cut. */
  declaredLength: number;
  /** The payload bytes that arrived (unmasked). */
  payload: Buffer;
  complete: boolean;
}

/** Splits bytes a client received into frames; the last one may be incomplete. */
export function parseWebSocketFrames(data: Buffer): ReceivedFrame[] {
  const frames: ReceivedFrame[] = [];
  let at = 0;
  while (at < data.length) {
    const opcode = data[at]! & 0x0f;
    const second = data[at + 1] ?? 0;
    // 7-bit length; 126 and 127 say a 16-bit or 64-bit length follows.
    const shortLength = second & 0x7f;
    const lengthBytes = shortLength === 126 ? 2 : shortLength === 127 ? 8 : 0;
    const maskBytes = second & 0x80 ? 4 : 0;
    const start = at + 2 + lengthBytes + maskBytes;
    if (start > data.length) {
      frames.push({ opcode, declaredLength: -1, payload: Buffer.alloc(0), complete: false });
      break;
    }
    const declaredLength =
      lengthBytes === 2
        ? data.readUInt16BE(at + 2)
        : lengthBytes === 8
          ? Number(data.readBigUInt64BE(at + 2))
          : shortLength;
    const payload = Buffer.from(data.subarray(start, start + declaredLength));
    if (maskBytes) {
      const mask = data.subarray(start - 4, start);
      for (let i = 0; i < payload.length; i++) payload[i] = payload[i]! ^ mask[i % 4]!;
    }
    frames.push({ opcode, declaredLength, payload, complete: payload.length === declaredLength });
    at = start + declaredLength;
  }
  return frames;
}
