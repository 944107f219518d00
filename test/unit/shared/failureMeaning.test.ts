/**
 * Issue 13: being offline is not a fault. Which connection failures the status shows as an
 * error, and which only mean "offline, reading what is saved".
 */
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../src/shared/errorCodes';
import { failureMeaning } from '../../../src/shared/failureMeaning';

const afterHavingWorked = (code: ErrorCode, detail?: string) =>
  failureMeaning({ code, detail }, true);

describe('failureMeaning', () => {
  it('calls no network offline, also at sign-in', () => {
    expect(afterHavingWorked('browser-offline')).toBe('offline');
    expect(failureMeaning({ code: 'browser-offline' }, false)).toBe('offline');
  });

  it('calls a server that stopped answering after having worked offline', () => {
    expect(afterHavingWorked('server-unreachable')).toBe('offline');
    expect(afterHavingWorked('timeout')).toBe('offline');
    // A proxy still answers HTTP while the XMPP server behind it is down.
    expect(afterHavingWorked('no-websocket')).toBe('offline');
    expect(afterHavingWorked('stream-error', 'system-shutdown')).toBe('offline');
  });

  it('calls a connection that just closed dropped: the next attempt tells', () => {
    expect(afterHavingWorked('connection-lost')).toBe('dropped');
  });

  it('calls what waiting does not fix an error', () => {
    for (const code of [
      'auth-failed',
      'plain-refused',
      'no-mechanism',
      'conflict',
      'malformed-stanza',
      'not-authorized',
    ] as const)
      expect(afterHavingWorked(code), code).toBe('error');
    expect(afterHavingWorked('stream-error', 'policy-violation')).toBe('error');
    expect(afterHavingWorked('stream-error', 'not-authorized')).toBe('error');
    expect(afterHavingWorked('stream-error')).toBe('error');
  });

  it('calls a server nobody answers at during sign-in an error: the URL is likely wrong', () => {
    for (const code of ['server-unreachable', 'no-websocket', 'timeout', 'auth-failed'] as const)
      expect(failureMeaning({ code }, false), code).toBe('error');
  });
});
