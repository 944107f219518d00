import type { Client } from '@xmpp/client-core';
import type { StreamManagementApi } from '@xmpp/stream-management';
import { NS_SM } from './streamNamespaces';

const STANZAS = new Set(['iq', 'message', 'presence']);

/**
 * Keeps XEP-0198's count of handled stanzas ('h', §4) exact. @xmpp/stream-management 0.14 resets
 * its count a few microtasks after <enabled/> arrives, so stanzas parsed from the same frame in
 * between are counted and then lost, or counted before the reset and then again; either way its
 * 'h' drifts from the server's and Prosody closes the stream ("acknowledged more stanzas than
 * sent"). We count synchronously as elements arrive, from zero at <enabled/> (or from the saved
 * count at <resumed/>), and keep the library's counter equal to ours.
 */
export function countFromEnabled(entity: Client, sm: StreamManagementApi): void {
  let count: number | undefined;
  const sync = (): void => {
    if (count !== undefined) sm.inbound = count;
  };
  entity.on('element', (element) => {
    if (element.is('enabled', NS_SM)) {
      count = 0;
      setTimeout(sync, 0); // after the library's own reset has run
    } else if (element.is('resumed', NS_SM)) {
      count = sm.inbound;
    } else if (count !== undefined && STANZAS.has(element.name)) {
      count += 1;
      sync();
    }
  });
  entity.on('disconnect', () => {
    count = undefined;
  });
}
