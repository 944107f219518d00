import type { Element } from '@xmpp/xml';
import type { ErrorCode } from '../shared/errorCodes';
import { SatchelError } from '../shared/SatchelError';
import { NS } from './namespaces';

/** What an XMPP stanza error says (RFC 6120 §8.3), however it reached us. */
interface StanzaErrorInfo {
  condition: string;
  text?: string;
  /** Application-specific condition, e.g. XEP-0060's <unsupported feature='...'/>. */
  application?: Element;
}

/** RFC 6120 §8.3.3 conditions, as XEP-0060 uses them (§6 to §8 error cases). */
const byCondition: Record<string, ErrorCode> = {
  'item-not-found': 'item-not-found',
  gone: 'item-not-found',
  forbidden: 'forbidden',
  'not-allowed': 'forbidden', // §6.1.3.4 closed-node (not on the whitelist)
  'payment-required': 'forbidden',
  'not-authorized': 'not-authorized',
  'registration-required': 'not-authorized',
  'subscription-required': 'not-authorized',
  'feature-not-implemented': 'feature-not-implemented',
  'service-unavailable': 'service-unavailable',
  'recipient-unavailable': 'service-unavailable',
  'remote-server-not-found': 'service-unavailable',
  'resource-constraint': 'service-unavailable',
  'remote-server-timeout': 'timeout',
  conflict: 'conflict-node-exists', // §8.1: the NodeID already exists
  'not-acceptable': 'not-acceptable',
  'policy-violation': 'not-acceptable',
  'bad-request': 'bad-request',
  'jid-malformed': 'bad-request',
  'unexpected-request': 'bad-request', // §6.2.3 not-subscribed
};

/** XEP-0060 pubsub#errors conditions that say more than the stanza condition they ride on. */
const byApplication: Record<string, ErrorCode> = {
  'invalid-payload': 'bad-payload', // §7.1.3.5 (bad-request)
  'payload-too-big': 'bad-payload', // §7.1.3.4 (not-acceptable)
  'payload-required': 'bad-payload', // §7.1.3.6 (bad-request)
  'item-forbidden': 'bad-payload', // §7.1.3.6 transient node refuses an item (bad-request)
  'precondition-not-met': 'not-acceptable', // §7.1.5 publish-options (conflict, not a node clash)
  'presence-subscription-required': 'not-authorized', // §6.1.3.2
  'not-in-roster-group': 'not-authorized', // §6.1.3.3
  unsupported: 'feature-not-implemented', // §6 to §8 <unsupported feature='...'/>
};

function isElement(value: unknown): value is Element {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Element).name === 'string' &&
    typeof (value as Element).getChild === 'function'
  );
}

/** Reads an <error/> element, or finds it inside an <iq|message|presence type='error'/>. */
function fromElement(element: Element): StanzaErrorInfo | undefined {
  const error = element.getName() === 'error' ? element : element.getChild('error');
  if (!error) return undefined;
  let condition: string | undefined;
  let text: string | undefined;
  let application: Element | undefined;
  for (const child of error.getChildElements()) {
    if (child.getNS() !== NS.stanzas) application ??= child;
    else if (child.getName() === 'text') text = child.getText();
    else condition ??= child.getName();
  }
  // RFC 6120 §8.3.2: a condition is required; a server that omits one said nothing usable.
  return { condition: condition ?? 'undefined-condition', text, application };
}

/** Reads @xmpp/error's XMPPError (and StanzaError): `.condition`, `.text`, `.element`. */
function fromXmppError(error: object): StanzaErrorInfo | undefined {
  const { condition, text, application, element } = error as Record<string, unknown>;
  if (isElement(element)) {
    const parsed = fromElement(element);
    if (parsed) return parsed;
  }
  if (typeof condition !== 'string') return undefined;
  return {
    condition,
    text: typeof text === 'string' && text ? text : undefined,
    application: isElement(application) ? application : undefined,
  };
}

function describe({ condition, text, application }: StanzaErrorInfo): string {
  let detail = condition;
  if (application) {
    detail += `/${application.getName()}`;
    const feature = application.attrs.feature;
    if (feature) detail += ` feature=${feature}`;
  }
  return text ? `${detail}: ${text}` : detail;
}

/**
 * Turns whatever an {@link IqCaller} rejected with into a SatchelError whose code the UI and
 * the cache can act on; the XMPP condition, application condition and text stay in `detail`.
 * A SatchelError passes through; @xmpp/events' TimeoutError becomes `timeout`.
 */
export function pubsubError(error: unknown): SatchelError {
  if (error instanceof SatchelError) return error;
  const info = isElement(error)
    ? fromElement(error)
    : typeof error === 'object' && error !== null
      ? fromXmppError(error)
      : undefined;
  if (info) {
    const appCode = info.application ? byApplication[info.application.getName()] : undefined;
    const code = appCode ?? byCondition[info.condition] ?? 'remote-error';
    return new SatchelError(code, describe(info), { cause: error });
  }
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new SatchelError('timeout', 'no answer from the pubsub service', { cause: error });
  }
  return SatchelError.from(error);
}
