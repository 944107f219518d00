/**
 * The error codes (workbox style: stable codes, one message each). Codes cross the RPC as data;
 * tests assert on codes, never on wording. The messages are the page's
 * (src/ui/format/errorMessages.ts): the worker sends and stores a code and a detail, never a
 * sentence for the user (issue 16: 1 KB of the worker).
 */
export const errorCodes = [
  // Sign-in and session
  'invalid-jid',
  'invalid-websocket-url',
  'auth-failed',
  'plain-refused',
  'no-mechanism',
  'server-unreachable',
  'no-websocket',
  'discovery-failed',
  'connection-lost',
  'stream-error',
  'malformed-stanza',
  'conflict',
  'not-signed-in',
  'browser-offline',
  'timeout',
  // RPC
  'bad-request',
  'unknown-method',
  'too-large',
  'worker-unavailable',
  'protocol-mismatch',
  // Storage
  'storage-full',
  'storage-upgrade-failed',
  'storage-blocked',
  'storage-version-changed',
  'storage-deleted',
  'storage-error',
  // Cache management (issue 7)
  'import-invalid',
  // Pubsub (XEP-0060 §7 and §8 error conditions)
  'item-not-found',
  'forbidden',
  'not-authorized',
  'feature-not-implemented',
  'service-unavailable',
  'conflict-node-exists',
  'not-acceptable',
  'bad-payload',
  'remote-error',
  'unexpected-answer',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

const known = new Set<string>(errorCodes);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && known.has(value);
}
