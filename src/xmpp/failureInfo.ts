import type { FailureInfo } from '../shared/protocol';
import type { SatchelError } from '../shared/SatchelError';

/** A failure as the connection state shows it: code, detail, and when (the page words it). */
export function failureInfo(error: SatchelError, at: number): FailureInfo {
  const base = { code: error.code, message: error.message, at };
  return error.detail === undefined ? base : { ...base, detail: error.detail };
}
