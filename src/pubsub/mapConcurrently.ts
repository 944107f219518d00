/**
 * Runs `task` on every input with at most `limit` running at once, keeping input order in the
 * result. Each task settles on its own: one failure does not stop the others.
 */
export async function mapConcurrently<T, R>(
  inputs: readonly T[],
  limit: number,
  task: (input: T) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  const results = new Array<PromiseSettledResult<R>>(inputs.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < inputs.length) {
      const index = next++;
      try {
        results[index] = { status: 'fulfilled', value: await task(inputs[index] as T) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  }
  const workers = Array.from({ length: Math.max(1, Math.min(limit, inputs.length)) }, worker);
  await Promise.all(workers);
  return results;
}
