import { signal } from '@preact/signals';
import type { ConnectionState, StorageState } from '../../shared/protocol';
import type { ChannelStatus } from '../../rpc/client/createRpcClient';

/** What every view may show; written only by connectAppState from worker events. */
export const connection = signal<ConnectionState>({ status: 'signedOut', since: Date.now() });
export const channel = signal<ChannelStatus>('connecting');
export const storage = signal<StorageState>({ status: 'ok' });
/** The worker is a different deployment than this page: the page should reload. */
export const workerBuild = signal<string | undefined>(undefined);
/** The sign-in form's own request is running: the form stays up until it settles. */
export const signingIn = signal(false);
