import { describeError } from '../format/describeError';

/** What an inline error shows: a message, the stable error code, and any detail. */
export type InlineErrorValue = string | { message: string; code?: string; detail?: string };

/**
 * An action's failure next to the control that caused it, announced to assistive technology
 * (role="alert") and carrying the stable error code (`data-code`) that tests and styles use.
 * `block`: a paragraph under a form; otherwise inline beside a button.
 */
export function InlineError({
  error,
  block = false,
}: {
  error: InlineErrorValue | undefined;
  block?: boolean;
}) {
  if (error === undefined) return null;
  const { text, detail } = typeof error === 'string' ? { text: error } : describeError(error);
  const code = typeof error === 'string' ? undefined : error.code;
  const Tag = block ? 'p' : 'span';
  return (
    <Tag class="form-error" role="alert" data-code={code}>
      {text}
      {detail ? <span class="muted"> ({detail})</span> : null}
    </Tag>
  );
}
