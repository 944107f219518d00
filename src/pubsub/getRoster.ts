import { xml } from '@xmpp/xml';
import type { IqCaller } from './IqCaller';
import { iqRequest } from './iqRequest';
import { NS } from './namespaces';

/** One roster item (RFC 6121 §2.1.2): a contact's bare JID and the name the user gave them. */
export interface RosterItem {
  jid: string;
  name?: string;
  /** 'none' | 'to' | 'from' | 'both' (§2.1.2.5); absent reads as 'none'. */
  subscription: string;
}

/**
 * Retrieves the account's roster (RFC 6121 §2.1.3): a get with no `to`, answered by the user's
 * own server. It lives with the pubsub requests because it shares their iq plumbing (timeout,
 * errors as SatchelError), as disco (XEP-0030) does. Items without a jid are skipped, and a
 * jid listed twice is kept once (§2.1.2.1 says it must not happen; a server may still do it).
 */
export async function getRoster(
  iq: IqCaller,
  options: { timeoutMs?: number } = {},
): Promise<RosterItem[]> {
  const reply = await iqRequest(
    iq,
    xml('iq', { type: 'get' }, xml('query', { xmlns: NS.roster })),
    options.timeoutMs,
  );
  const items = new Map<string, RosterItem>();
  for (const element of reply.getChild('query', NS.roster)?.getChildren('item') ?? []) {
    const { jid, name, subscription } = element.attrs;
    if (!jid || items.has(jid)) continue;
    const item: RosterItem = { jid, subscription: subscription ?? 'none' };
    if (name) item.name = name;
    items.set(jid, item);
  }
  return [...items.values()];
}
