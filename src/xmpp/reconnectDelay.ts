/**
 * Exponential back-off with "equal jitter": half the delay is fixed, half random, so retries of
 * many clients spread out after a server restart but never come back instantly in a loop.
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 1000, maxMs: 5 * 60_000 };

export function reconnectDelay(
  attempt: number,
  random: () => number,
  policy = defaultBackoff,
): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
