import type { ErrorCode } from './errorCodes';
import type { RpcErrorData } from './protocol';

/**
 * An error with a stable code; it crosses the RPC as {@link RpcErrorData}. Its message is the
 * code and the detail (`storage-full: QuotaExceededError: ...`), for logs and stored records:
 * the sentence the user reads is the page's (src/ui/format/errorText.ts).
 */
export class SatchelError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;

  constructor(code: ErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${code}: ${detail}` : code, options);
    this.name = 'SatchelError';
    this.code = code;
    this.detail = detail;
  }

  toData(): RpcErrorData {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail };
  }

  static fromData(data: RpcErrorData): SatchelError {
    return new SatchelError(data.code, data.detail);
  }

  /** Wraps anything thrown into a SatchelError, keeping a SatchelError as it is. */
  static from(error: unknown, fallback: ErrorCode = 'internal'): SatchelError {
    if (error instanceof SatchelError) return error;
    const detail = error instanceof Error ? error.message : String(error);
    return new SatchelError(fallback, detail, { cause: error });
  }
}
