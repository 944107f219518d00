import type { ErrorCode } from '../../shared/errorCodes';

/**
 * What each error code says to the user: the page's half of the catalogue
 * (src/shared/errorCodes.ts), so the worker carries no sentence (issue 16). One message each,
 * the same whichever part failed; a detail, when there is one, follows in brackets.
 */
export const errorMessages: Record<ErrorCode, string> = {
  // Sign-in and session
  'invalid-jid': 'That address is not a valid XMPP address (expected user@example.org).',
  'invalid-websocket-url': 'The WebSocket URL must start with wss:// (or ws:// on this computer).',
  'auth-failed': 'Wrong address or password.',
  'plain-refused':
    'The server only offers PLAIN authentication on an unencrypted connection. Use wss:// or allow PLAIN explicitly.',
  'no-mechanism': 'The server offers no authentication method Satchel supports.',
  'server-unreachable': 'The server could not be reached at that WebSocket URL.',
  'no-websocket': 'The server did not answer as an XMPP WebSocket endpoint (RFC 7395).',
  'discovery-failed': 'No WebSocket endpoint is published for this domain; enter the URL yourself.',
  'connection-lost': 'The connection to the server was lost.',
  'stream-error': 'The server closed the stream with an error.',
  'malformed-stanza': 'The server sent malformed XML; the connection was restarted.',
  conflict: 'Another client signed in with the same resource.',
  'not-signed-in': 'You are not signed in.',
  'browser-offline': 'The browser is offline.',
  timeout: 'The operation timed out.',
  // RPC
  'bad-request': 'The request was malformed.',
  'unknown-method': 'The worker does not know that request.',
  'too-large': 'The request is larger than the worker accepts.',
  'worker-unavailable': 'The background engine did not answer; it is being restarted.',
  'protocol-mismatch':
    'This page and the background engine are different versions: reload the page.',
  // Storage
  'storage-full': 'Storage is full: free space or remove cached nodes; nothing was written.',
  'storage-upgrade-failed':
    'The local database could not be upgraded; your previous data is untouched.',
  'storage-blocked':
    'Another Satchel tab is holding the old database version open: close it or reload it.',
  'storage-version-changed': 'Satchel was updated in another tab: reload this page.',
  'storage-deleted':
    'Satchel’s database was deleted (by another tab, or by clearing this site’s data).',
  'storage-error': 'The local database failed.',
  // Cache management (issue 7)
  'import-invalid': 'That file is not a valid Satchel cache export; nothing was imported.',
  // Pubsub (XEP-0060 §7 and §8 error conditions)
  'item-not-found': 'That node or item does not exist.',
  forbidden: 'You are not allowed to do that on this node.',
  'not-authorized': 'You are not authorised to do that on this node.',
  'feature-not-implemented': 'The pubsub service does not support that.',
  'service-unavailable': 'The service is unavailable.',
  'conflict-node-exists': 'A node with that name already exists.',
  'not-acceptable': 'The service did not accept that request.',
  'bad-payload': 'The item payload is not acceptable to the service.',
  'remote-error': 'The server answered with an error.',
  'unexpected-answer':
    'The server answered with something other than what was asked; nothing of it was stored.',
  internal: 'Something went wrong inside Satchel.',
};
