import type { Client } from '@xmpp/client-core';
import type { MiddlewareApi } from '@xmpp/middleware';
import type { StreamManagementApi } from '@xmpp/stream-management';
import { xml } from '@xmpp/xml';
import { NS_SM } from './streamNamespaces';

export interface AckPersistence {
  /** Saves the count an <a/> is about to acknowledge; awaited before the <a/> is sent. */
  persist?: (h: number) => Promise<void>;
}

/**
 * Answers the server's <r/> (XEP-0198 §4) only once the count it acknowledges is saved. The
 * library answers at once; a worker stopped between that <a/> and the save would resume with
 * a lower count than it acknowledged, which Prosody refuses ("acknowledged less stanzas than
 * already acknowledged"), so the restarted worker started a fresh session. Registered before
 * stream management's own middleware, it handles <r/> itself and does not pass it on.
 */
export function persistBeforeAck(
  entity: Client,
  middleware: MiddlewareApi,
  sm: () => StreamManagementApi,
): AckPersistence {
  const hooks: AckPersistence = {};
  middleware.use(async (context, next) => {
    const { persist } = hooks;
    if (!persist || !context.stanza.is('r', NS_SM)) return next();
    const h = sm().inbound;
    await persist(h).catch(() => undefined); // an ack must go out even if the save failed
    await entity.send(xml('a', { xmlns: NS_SM, h })).catch(() => undefined);
  });
  return hooks;
}
