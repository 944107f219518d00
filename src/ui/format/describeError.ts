import { isErrorCode } from '../../shared/errorCodes';
import { errorMessages } from './errorMessages';

/**
 * What the user reads for a failure: the code's message (errorMessages.ts) and the detail. The
 * worker sends a code, a detail, and a message that is only the code and the detail
 * (`code: detail`, shared/SatchelError.ts), so the sentences live in the page alone (issue 16).
 * A record an earlier version stored has the whole sentence as its message: shown as it is, as
 * is the message of an unknown code.
 */
export function describeError(error: { code?: string; message: string; detail?: string }): {
  text: string;
  detail?: string;
} {
  const { code, message } = error;
  if (!isErrorCode(code)) return { text: message, detail: error.detail };
  const prefix = `${code}: `;
  const detail =
    error.detail ?? (message.startsWith(prefix) ? message.slice(prefix.length) : undefined);
  const text = errorMessages[code];
  if (detail === undefined && message !== code && message !== text) return { text: message };
  return { text, detail };
}
