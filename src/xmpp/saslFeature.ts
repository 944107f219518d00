import type { Client } from '@xmpp/client-core';
import { procedure } from '@xmpp/events';
import type { StreamFeaturesApi } from '@xmpp/stream-features';
import { xml, type Element } from '@xmpp/xml';
import type { ScramKeys } from '../shared/records';
import { SatchelError } from '../shared/SatchelError';
import { createScramSha1, fromBase64, toBase64 } from './scramSha1';

const NS_SASL = 'urn:ietf:params:xml:ns:xmpp-sasl';

export interface SaslCredentials {
  username: string;
  password?: string;
  keys?: ScramKeys;
  /** The user explicitly allows PLAIN even where the connection is not wss:// or loopback. */
  allowPlain: boolean;
}

export interface SaslOutcome {
  mechanism: 'SCRAM-SHA-1' | 'PLAIN';
  keys?: ScramKeys;
}

/**
 * SASL authentication (RFC 6120 §6) as a stream feature. SCRAM-SHA-1 is preferred; PLAIN only
 * where the channel is secure (wss:// or loopback, see checkWebsocketUrl) or explicitly allowed.
 */
export function saslFeature(
  { streamFeatures }: { streamFeatures: StreamFeaturesApi },
  credentials: () => SaslCredentials,
  onAuthenticated: (outcome: SaslOutcome) => void,
): void {
  streamFeatures.use('mechanisms', NS_SASL, async ({ entity }, _next, feature) => {
    const offered = new Set(feature.getChildren('mechanism').map((m) => m.text()));
    const creds = credentials();
    const outcome = offered.has('SCRAM-SHA-1')
      ? await authenticateScram(entity, creds)
      : await authenticatePlain(entity, creds, offered);
    onAuthenticated(outcome);
    await entity.restart();
  });
}

async function authenticateScram(entity: Client, creds: SaslCredentials): Promise<SaslOutcome> {
  const scram = createScramSha1(creds.username, {
    ...(creds.password !== undefined && { password: creds.password }),
    ...(creds.keys && { keys: creds.keys }),
  });
  const auth = xml(
    'auth',
    { xmlns: NS_SASL, mechanism: 'SCRAM-SHA-1' },
    encode(scram.clientFirst()),
  );
  let verified = false;
  await procedure<undefined>(entity, auth, async (element, done) => {
    if (element.getNS() !== NS_SASL) return;
    if (element.name === 'failure') throw failureError(element);
    const data = decode(element.text());
    if (element.name === 'challenge' && !data.startsWith('v=')) {
      const final = await scram.clientFinal(data);
      await entity.send(xml('response', { xmlns: NS_SASL }, encode(final)));
    } else if (element.name === 'challenge') {
      // RFC 6120 §6.4.6: a server may send the server-final message as a last challenge.
      await scram.verifyServerFinal(data);
      verified = true;
      await entity.send(xml('response', { xmlns: NS_SASL }));
    } else if (element.name === 'success') {
      if (!verified) await scram.verifyServerFinal(data);
      done(undefined);
    }
  });
  const keys = scram.keys();
  return keys ? { mechanism: 'SCRAM-SHA-1', keys } : { mechanism: 'SCRAM-SHA-1' };
}

async function authenticatePlain(
  entity: Client,
  creds: SaslCredentials,
  offered: Set<string>,
): Promise<SaslOutcome> {
  if (!offered.has('PLAIN')) throw new SatchelError('no-mechanism', [...offered].join(', '));
  if (!entity.isSecure() && !creds.allowPlain) throw new SatchelError('plain-refused');
  if (creds.password === undefined)
    throw new SatchelError('auth-failed', 'the server offers only PLAIN: the password is needed');
  const message = `\u0000${creds.username}\u0000${creds.password}`; // RFC 4616 §2
  const auth = xml('auth', { xmlns: NS_SASL, mechanism: 'PLAIN' }, encode(message));
  await procedure<undefined>(entity, auth, (element, done) => {
    if (element.getNS() !== NS_SASL) return;
    if (element.name === 'failure') throw failureError(element);
    if (element.name === 'success') done(undefined);
  });
  return { mechanism: 'PLAIN' };
}

function failureError(failure: Element): SatchelError {
  const condition = failure.getChildElements()[0]?.name ?? 'failure';
  const text = failure.getChildText('text');
  return new SatchelError('auth-failed', text ? `${condition}: ${text}` : condition);
}

function encode(text: string): string {
  return toBase64(new TextEncoder().encode(text));
}

function decode(text: string): string {
  const trimmed = text.trim();
  return trimmed === '' || trimmed === '=' ? '' : new TextDecoder().decode(fromBase64(trimmed));
}
