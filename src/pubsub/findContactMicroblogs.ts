import type { ContactMicroblogView, LookupFailure } from '../shared/rpcTypes';
import { getItems } from './getItems';
import { getRoster } from './getRoster';
import type { IqCaller } from './IqCaller';
import { mapConcurrently } from './mapConcurrently';
import { NS } from './namespaces';
import { pubsubError } from './pubsubErrors';

export interface ContactMicroblogs {
  contacts: ContactMicroblogView[];
  failures: LookupFailure[];
  /** Contacts past `limit`, not checked. */
  unchecked: number;
  /** Contacts that refused and whose presence the account does not receive: see below. */
  hidden: number;
}

export interface FindContactMicroblogsOptions {
  /** Checks in flight at once (default 4). */
  concurrency?: number;
  /** Per request (default 8 s): one unreachable server must not hold up the list for long. */
  timeoutMs?: number;
  /** Contacts checked at most (default 200): a huge roster costs one request per contact. */
  limit?: number;
}

/** Answers meaning "this contact has no microblog", not "something failed". */
const NO_MICROBLOG = new Set(['item-not-found', 'feature-not-implemented']);
/** Roster subscriptions under which the account receives the contact's presence (§2.1.2.5). */
const SEES_PRESENCE = new Set(['to', 'both']);
const REFUSED = new Set(['forbidden', 'not-authorized']);

/**
 * Which of the account's contacts have a microblog it can read: the roster (RFC 6121 §2.1.3),
 * then, for each contact's bare JID (their PEP service), the newest item of the node
 * `urn:xmpp:microblog:0` (XEP-0277 §3; XEP-0060 §6.5.7 max_items=1). A get-items rather than
 * disco#info, because it proves what following needs: that the items can be read. JIDs without
 * a local part (servers, gateways) have no PEP microblog and are not asked; nor is the account.
 *
 * A refusal from a contact whose presence the account does not receive is counted in `hidden`,
 * not reported: PEP's recommended default access model is `presence` (XEP-0163 §5), and Prosody 0.12
 * answers `forbidden` alike whether such a contact has a microblog or none (measured in
 * test/integration/home.test.ts), so nothing is known to have failed.
 */
export async function findContactMicroblogs(
  iq: IqCaller,
  account: string,
  options: FindContactMicroblogsOptions = {},
): Promise<ContactMicroblogs> {
  const { concurrency = 4, timeoutMs = 8_000, limit = 200 } = options;
  const roster = (await getRoster(iq, { timeoutMs })).filter(
    (item) => item.jid.includes('@') && !item.jid.includes('/') && item.jid !== account,
  );
  const checked = roster.slice(0, limit);
  const results = await mapConcurrently(checked, concurrency, (item) =>
    getItems(iq, { service: item.jid, node: NS.microblog, maxItems: 1, timeoutMs }),
  );
  const found: ContactMicroblogs = {
    contacts: [],
    failures: [],
    unchecked: roster.length - checked.length,
    hidden: 0,
  };
  results.forEach((result, index) => {
    const item = checked[index];
    if (!item) return;
    if (result.status === 'fulfilled') {
      found.contacts.push(item.name ? { jid: item.jid, name: item.name } : { jid: item.jid });
      return;
    }
    const error = pubsubError(result.reason);
    if (NO_MICROBLOG.has(error.code)) return;
    if (REFUSED.has(error.code) && !SEES_PRESENCE.has(item.subscription)) found.hidden++;
    else found.failures.push({ jid: item.jid, error: error.toData() });
  });
  return found;
}
