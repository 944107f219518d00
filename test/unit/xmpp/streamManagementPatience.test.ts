import { describe, expect, it } from 'vitest';
import { LISTING_TIMEOUT_MS } from '../../../src/cache/listOrFetchAll';
import { createXmppClient } from '../../../src/xmpp/createXmppClient';

describe('stream management patience', () => {
  it('outlasts our longest request: a server busy listing a large node is not cut', () => {
    const client = createXmppClient({
      websocketUrl: 'ws://127.0.0.1:1/xmpp-websocket',
      domain: 'example.org',
      resource: 'satchel-test',
      timeoutMs: 1_000,
      credentials: () => ({ username: 'juliet', allowPlain: false }),
      onAuthenticated: () => undefined,
      onMalformed: () => undefined,
    });
    // The library's own default (60 s) cut Prosody while it listed 75,000+ items.
    expect(client.streamManagement.timeout).toBeGreaterThan(LISTING_TIMEOUT_MS);
  });
});
