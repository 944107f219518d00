import { errorMessages } from '../shared/errorCodes';
import type { FailureInfo } from '../shared/protocol';
import type { SatchelError } from '../shared/SatchelError';

/** A failure as the connection state shows it: code, catalogue message, detail, and when. */
export function failureInfo(error: SatchelError, at: number): FailureInfo {
  const base = { code: error.code, message: errorMessages[error.code], at };
  return error.detail === undefined ? base : { ...base, detail: error.detail };
}
