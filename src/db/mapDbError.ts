/**
 * Turns what IndexedDB and Dexie throw into the stable error codes (src/shared/errorCodes.ts).
 * A quota failure does not arrive as itself: the browser aborts the transaction and Dexie
 * rejects with an AbortError whose `inner` is the QuotaExceededError (platform-facts), and a
 * bulk operation outside a transaction reports it in a BulkError's `failures`.
 */
import { SatchelError } from '../shared/SatchelError';

const MAX_DEPTH = 5;

/** The error and everything it wraps (Dexie's `inner`, the standard `cause`, BulkError `failures`). */
function* errorChain(error: unknown, depth = 0): Generator {
  if (depth > MAX_DEPTH || error === null || error === undefined) return;
  yield error;
  if (typeof error !== 'object') return;
  const wrapper = error as { inner?: unknown; cause?: unknown; failures?: unknown };
  yield* errorChain(wrapper.inner, depth + 1);
  if (wrapper.cause !== wrapper.inner) yield* errorChain(wrapper.cause, depth + 1);
  if (Array.isArray(wrapper.failures)) {
    for (const failure of wrapper.failures as unknown[]) yield* errorChain(failure, depth + 1);
  }
}

/** Whether the error or anything it wraps has this DOMException or Dexie error name. */
export function hasErrorNamed(error: unknown, name: string): boolean {
  for (const link of errorChain(error)) {
    if (typeof link === 'object' && link !== null && (link as { name?: unknown }).name === name) {
      return true;
    }
  }
  return false;
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

export function mapDbError(error: unknown): SatchelError {
  if (error instanceof SatchelError) return error;
  if (hasErrorNamed(error, 'QuotaExceededError')) {
    return new SatchelError('storage-full', describe(error), { cause: error });
  }
  return new SatchelError('storage-error', describe(error), { cause: error });
}

/** Runs one storage operation and rethrows its failure as a SatchelError. */
export async function withDbErrors<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw mapDbError(error);
  }
}
