/**
 * A WebSocket frame header at the start of `data` (RFC 6455 §5.2): its length, mask included,
 * and the payload's length; undefined while the header is incomplete.
 */
export function readFrameHeader(
  data: Buffer,
): { headerLength: number; payloadLength: number; masked: boolean } | undefined {
  if (data.length < 2) return undefined;
  const short = data[1]! & 0x7f;
  const masked = (data[1]! & 0x80) !== 0;
  const lengthBytes = short === 126 ? 2 : short === 127 ? 8 : 0;
  const headerLength = 2 + lengthBytes + (masked ? 4 : 0);
  if (data.length < headerLength) return undefined;
  const payloadLength =
    lengthBytes === 2
      ? data.readUInt16BE(2)
      : lengthBytes === 8
        ? Number(data.readBigUInt64BE(2))
        : short;
  return { headerLength, payloadLength, masked };
}
