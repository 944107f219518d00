/**
 * Issue 13: what the status bar says. Offline is a state with saved posts to read, not a
 * failure; a failure is shown as an error only when something is actually wrong.
 */
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../src/shared/errorCodes';
import type { ConnectionState } from '../../../src/shared/protocol';
import { summarizeStatus } from '../../../src/ui/components/statusSummary';

const NOW = 1_700_000_000_000;
const failure = (code: ErrorCode, detail?: string) => ({
  code,
  message: detail === undefined ? code : `${code}: ${detail}`,
  at: NOW - 5_000,
  ...(detail !== undefined && { detail }),
});
const state = (status: ConnectionState['status'], patch: Partial<ConnectionState> = {}) => ({
  status,
  since: NOW - 10_000,
  account: 'alice@example.org',
  ...patch,
});

describe('summarizeStatus', () => {
  it('says offline, with no error, when the server stopped answering', () => {
    const summary = summarizeStatus(
      state('offline', { lastFailure: failure('server-unreachable') }),
      NOW,
    );
    expect(summary).toEqual({
      label: 'Offline',
      offline: true,
      canRetry: true,
      reason: 'The server is not answering.',
    });
  });

  it('says offline, with no error, when the network is away', () => {
    const summary = summarizeStatus(
      state('offline', { lastFailure: failure('browser-offline') }),
      NOW,
    );
    expect(summary.error).toBeUndefined();
    expect(summary.reason).toBe('No network.');
  });

  it('shows a connection that just dropped as reconnecting, not as an error', () => {
    const summary = summarizeStatus(
      state('reconnecting', {
        lastFailure: failure('connection-lost'),
        nextAttemptAt: NOW + 1_500,
      }),
      NOW,
    );
    expect(summary).toMatchObject({ label: 'Reconnecting in 2 s', offline: false, canRetry: true });
    expect(summary.error).toBeUndefined();
  });

  it('shows what waiting does not fix as an error while reconnecting', () => {
    const refused = failure('stream-error', 'policy-violation');
    const summary = summarizeStatus(state('reconnecting', { lastFailure: refused }), NOW);
    expect(summary).toMatchObject({ label: 'Reconnecting…', error: refused });
  });

  it('shows why a sign-in failed as an error, a server nobody answers at included', () => {
    for (const code of ['auth-failed', 'server-unreachable', 'not-authorized'] as const) {
      const summary = summarizeStatus(state('signedOut', { lastFailure: failure(code) }), NOW);
      expect(summary.error?.code, code).toBe(code);
    }
  });

  it('shows no failure once online again', () => {
    const summary = summarizeStatus(state('online', { lastFailure: failure('auth-failed') }), NOW);
    expect(summary).toEqual({
      label: 'Online as alice@example.org',
      offline: false,
      canRetry: false,
    });
  });
});
