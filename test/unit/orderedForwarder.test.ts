import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createOrderedForwarder } from '../../scripts/lib/orderedForwarder';

// The fault proxy's slow mode: delays change while chunks wait, and TCP is a byte stream, so a
// chunk must never overtake an earlier one.

function setUp() {
  const source = new PassThrough();
  const destination = new PassThrough();
  let counted = 0;
  const forwarder = createOrderedForwarder(source, destination, (bytes) => (counted += bytes));
  const received: string[] = [];
  destination.on('data', (chunk: Buffer) => received.push(chunk.toString()));
  return { forwarder, destination, received, counted: () => counted };
}

describe('createOrderedForwarder', () => {
  it('keeps the order when a later chunk has a shorter delay, and waits at least the delay', async () => {
    const { forwarder, destination, received, counted } = setUp();
    const start = performance.now();
    forwarder.push(Buffer.from('one'), 100);
    forwarder.push(Buffer.from('two'), 0);
    forwarder.push(Buffer.from('three'), 20);
    expect(received).toEqual([]);
    expect(counted()).toBe(0);
    forwarder.end(0);
    await new Promise((resolve) => destination.on('end', resolve));
    expect(received).toEqual(['one', 'two', 'three']);
    expect(counted()).toBe(11);
    expect(performance.now() - start).toBeGreaterThanOrEqual(100);
  });

  it('writes at once with no delay and nothing queued', () => {
    const { forwarder, received } = setUp();
    forwarder.push(Buffer.from('now'), 0);
    expect(received).toEqual(['now']);
  });

  it('drop() forgets queued chunks: they are never written', async () => {
    const { forwarder, destination, received, counted } = setUp();
    forwarder.push(Buffer.from('lost'), 30);
    forwarder.drop();
    forwarder.push(Buffer.from('later'), 0);
    forwarder.end(0);
    await new Promise((resolve) => destination.on('end', resolve));
    expect(received).toEqual(['later']);
    expect(counted()).toBe(5);
  });
});
