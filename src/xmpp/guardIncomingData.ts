import type { Client } from '@xmpp/client-core';

/**
 * Guards the socket's data handler. @xmpp/connection 0.14 lets a parse error escape the
 * WebSocket message handler (uncaught), keeps writing to a parser it already detached, and a
 * `<!DOCTYPE>` inside the stream silently swallows later stanzas. RFC 6120 §11.1 forbids DTDs in
 * XMPP, so any DTD or entity declaration is treated as malformed input: report and disconnect.
 */
export function guardIncomingData(entity: Client, onMalformed: (reason: string) => void): void {
  const original = entity._onData.bind(entity);
  let failed = false;
  entity._onData = (data: unknown) => {
    if (failed || !entity.parser) return;
    const text = typeof data === 'string' ? data : String(data);
    if (/<!(?:DOCTYPE|ENTITY|ELEMENT|ATTLIST)/iu.test(text)) {
      fail('a DTD or entity declaration in the stream (RFC 6120 §11.1)');
      return;
    }
    try {
      original(data);
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
  };
  entity.on('connect', () => {
    failed = false;
  });

  function fail(reason: string): void {
    failed = true;
    onMalformed(reason);
    entity.disconnect().catch(() => undefined);
  }
}
