import { parseJid } from '../../shared/jid';
import { parseXmppUri } from '../../shared/parseXmppUri';
import type { NodeAddress } from '../../shared/protocol';
import { MICROBLOG_NODE } from './nodeTitle';

export type FollowTarget =
  | { kind: 'node'; address: NodeAddress }
  /** A bare domain such as pubsub.example.org: a service to browse rather than a feed. */
  | { kind: 'service'; service: string }
  | { kind: 'invalid'; reason: string };

/**
 * What the "Follow" field means: an `xmpp:service?;node=NAME` URI (XEP-0060 §12.21), an
 * `xmpp:user@host` URI or a contact's JID (their XEP-0277 microblog), or a service's domain.
 */
export function parseFollowTarget(input: string): FollowTarget {
  const value = input.trim();
  if (value === '') return { kind: 'invalid', reason: 'Enter an xmpp: link or an address.' };
  if (/^xmpp:/iu.test(value)) {
    const uri = parseXmppUri(value);
    const jid = uri && parseJid(uri.jid);
    if (!uri || !jid) return { kind: 'invalid', reason: 'That xmpp: link names no valid address.' };
    const service = jid.local ? `${jid.local}@${jid.domain}` : jid.domain;
    if (uri.node) return { kind: 'node', address: { service, node: uri.node } };
    return jid.local
      ? { kind: 'node', address: { service, node: MICROBLOG_NODE } }
      : { kind: 'service', service };
  }
  const jid = parseJid(value);
  if (!jid || jid.resource !== undefined)
    return {
      kind: 'invalid',
      reason: 'That is not an XMPP address (user@example.org) or xmpp: link.',
    };
  if (!jid.local) return { kind: 'service', service: jid.domain };
  return { kind: 'node', address: { service: `${jid.local}@${jid.domain}`, node: MICROBLOG_NODE } };
}
