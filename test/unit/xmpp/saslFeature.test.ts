import { EventEmitter } from 'node:events';
import { xml, type Element } from '@xmpp/xml';
import { describe, expect, it } from 'vitest';
import { saslFeature, type SaslCredentials } from '../../../src/xmpp/saslFeature';

const NS = 'urn:ietf:params:xml:ns:xmpp-sasl';

/** A fake connection: records what is sent, and lets the test answer as the server. */
function fakeEntity(secure: boolean) {
  const entity = Object.assign(new EventEmitter(), {
    sent: [] as Element[],
    restarted: false,
    isSecure: () => secure,
    send: (el: Element) => {
      entity.sent.push(el);
      return Promise.resolve();
    },
    restart: () => {
      entity.restarted = true;
      return Promise.resolve();
    },
  });
  return entity;
}

function run(offered: string[], creds: Partial<SaslCredentials>, secure: boolean) {
  let handler:
    | ((ctx: { entity: unknown }, next: () => Promise<unknown>, feature: Element) => unknown)
    | undefined;
  const outcomes: unknown[] = [];
  saslFeature(
    { streamFeatures: { use: (_n, _ns, h) => void (handler = h as typeof handler) } },
    () => ({ username: 'alice', allowPlain: false, ...creds }),
    (o) => outcomes.push(o),
  );
  const entity = fakeEntity(secure);
  const feature = xml('mechanisms', { xmlns: NS }, ...offered.map((m) => xml('mechanism', {}, m)));
  const done = Promise.resolve(handler!({ entity }, () => Promise.resolve(), feature));
  return { entity, done, outcomes };
}

describe('SASL policy', () => {
  it('prefers SCRAM-SHA-1 when offered, even over a secure channel offering PLAIN', async () => {
    const { entity, done } = run(['PLAIN', 'SCRAM-SHA-1'], { password: 'pw' }, true);
    done.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 0));
    expect(entity.sent[0]?.attrs.mechanism).toBe('SCRAM-SHA-1');
  });

  it('refuses PLAIN over an insecure channel unless the user allowed it', async () => {
    await expect(run(['PLAIN'], { password: 'pw' }, false).done).rejects.toMatchObject({
      code: 'plain-refused',
    });
    const allowed = run(['PLAIN'], { password: 'pw', allowPlain: true }, false);
    await new Promise((r) => setTimeout(r, 0));
    expect(allowed.entity.sent[0]?.attrs.mechanism).toBe('PLAIN');
    allowed.entity.emit('nonza', xml('success', { xmlns: NS }));
    await allowed.done;
    expect(allowed.entity.restarted).toBe(true);
    expect(allowed.outcomes).toEqual([{ mechanism: 'PLAIN' }]);
  });

  it('uses PLAIN over a secure channel, and reports a server failure as auth-failed', async () => {
    const secure = run(['PLAIN'], { password: 'pw' }, true);
    await new Promise((r) => setTimeout(r, 0));
    // RFC 4616: authzid NUL authcid NUL password, base64.
    expect(Buffer.from(secure.entity.sent[0]!.text(), 'base64').toString()).toBe(
      '\u0000alice\u0000pw',
    );
    secure.entity.emit('nonza', xml('failure', { xmlns: NS }, xml('not-authorized')));
    await expect(secure.done).rejects.toMatchObject({
      code: 'auth-failed',
      detail: 'not-authorized',
    });
  });

  it('says when no mechanism fits, and never sends PLAIN without a password', async () => {
    await expect(run(['X-OAUTH2'], { password: 'pw' }, true).done).rejects.toMatchObject({
      code: 'no-mechanism',
    });
    await expect(run(['PLAIN'], {}, true).done).rejects.toMatchObject({ code: 'auth-failed' });
  });
});
