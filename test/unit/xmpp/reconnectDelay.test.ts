import { describe, expect, it } from 'vitest';
import { reconnectDelay } from '../../../src/xmpp/reconnectDelay';

describe('reconnectDelay', () => {
  const policy = { baseMs: 1000, maxMs: 60_000 };
  it('doubles per attempt with half of it random, and is capped', () => {
    expect(reconnectDelay(0, () => 0, policy)).toBe(500);
    expect(reconnectDelay(0, () => 1, policy)).toBe(1000);
    expect(reconnectDelay(3, () => 0, policy)).toBe(4000);
    expect(reconnectDelay(3, () => 1, policy)).toBe(8000);
    expect(reconnectDelay(30, () => 1, policy)).toBe(60_000);
    expect(reconnectDelay(30, () => 0, policy)).toBe(30_000);
  });
  it('spreads clients out (jitter)', () => {
    const values = new Set(
      Array.from({ length: 20 }, (_, i) => reconnectDelay(4, () => i / 20, policy)),
    );
    expect(values.size).toBe(20);
  });
});
