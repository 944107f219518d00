import { describe, expect, it } from 'vitest';
import { createServerFrameScanner } from '../../scripts/lib/serverFrameScanner';

const HTTP = Buffer.from('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n');

/** An unmasked server text frame (RFC 6455 §5.2), with a 16-bit length when it needs one. */
function textFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const header =
    payload.length < 126
      ? Buffer.from([0x81, payload.length])
      : Buffer.from([0x81, 126, payload.length >> 8, payload.length & 0xff]);
  return Buffer.concat([header, payload]);
}

/** Feeds `stream` in chunks of `size` bytes; returns what came out and what was inspected. */
function run(stream: Buffer, size: number, holding: boolean) {
  const seen: string[] = [];
  const scanner = createServerFrameScanner(
    () => holding,
    (frame) => {
      seen.push(frame.payload.toString());
      const at = frame.payload.indexOf('XX');
      if (at >= 0) frame.payload.write('YY', at);
    },
  );
  const out: Buffer[] = [];
  for (let at = 0; at < stream.length; at += size)
    out.push(...scanner.push(stream.subarray(at, at + size)));
  return { out: Buffer.concat(out), seen };
}

describe('createServerFrameScanner', () => {
  const frames = [textFrame('<iq id="1"/>'), textFrame(`<iq>${'a'.repeat(300)}XX</iq>`)];
  const stream = Buffer.concat([HTTP, ...frames]);

  it('passes every byte through unchanged when not holding, whatever the chunking', () => {
    for (const size of [1, 2, 3, 7, 64, stream.length]) {
      const { out, seen } = run(stream, size, false);
      expect(out.equals(stream), `chunks of ${size}`).toBe(true);
      expect(seen).toEqual([]);
    }
  });

  it('while holding, sees each whole frame once, after the HTTP answer, and keeps its length', () => {
    for (const size of [1, 2, 3, 7, 64, stream.length]) {
      const { out, seen } = run(stream, size, true);
      expect(seen, `chunks of ${size}`).toEqual(['<iq id="1"/>', `<iq>${'a'.repeat(300)}XX</iq>`]);
      expect(out.length).toBe(stream.length);
      expect(out.toString()).toContain('YY</iq>');
      expect(out.subarray(0, HTTP.length).equals(HTTP)).toBe(true);
    }
  });
});
