/** Issue 16: the worker reports codes and details; the page words them. */
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../../src/shared/errorCodes';
import { SatchelError } from '../../../src/shared/SatchelError';
import { describeError } from '../../../src/ui/format/describeError';
import { errorMessages } from '../../../src/ui/format/errorMessages';
import { errorText } from '../../../src/ui/format/errorText';

describe('errorText', () => {
  it('has a message for every code', () => {
    expect(Object.keys(errorMessages).sort()).toEqual([...errorCodes].sort());
  });

  it('words what the worker sends: the code and the detail', () => {
    const full = new SatchelError('storage-full', 'QuotaExceededError: no room');
    expect(full.message).toBe('storage-full: QuotaExceededError: no room');
    expect(errorText(full.toData())).toBe(
      `${errorMessages['storage-full']} (QuotaExceededError: no room)`,
    );
    // A stored record keeps only code and message.
    expect(
      errorText({ code: 'remote-error', message: 'remote-error: internal-server-error' }),
    ).toBe(`${errorMessages['remote-error']} (internal-server-error)`);
    expect(errorText(new SatchelError('timeout').toData())).toBe(errorMessages.timeout);
    expect(describeError(full.toData())).toEqual({
      text: errorMessages['storage-full'],
      detail: 'QuotaExceededError: no room',
    });
  });

  it('shows a sentence an earlier version stored, and the message of an unknown code, as they are', () => {
    const stored = `${errorMessages['remote-error']} (internal-server-error)`;
    expect(errorText({ code: 'remote-error', message: stored })).toBe(stored);
    expect(errorText({ code: 'gone-code', message: 'Something else' })).toBe('Something else');
    expect(errorText({ message: 'No code' })).toBe('No code');
  });
});
