import { describeError } from './describeError';

/** A failure the worker reported, as one sentence: the code's message, the detail in brackets. */
export function errorText(error: { code?: string; message: string; detail?: string }): string {
  const { text, detail } = describeError(error);
  return detail ? `${text} (${detail})` : text;
}
