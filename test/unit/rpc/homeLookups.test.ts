import type { Element } from '@xmpp/xml';
import { describe, expect, it } from 'vitest';
import { createRpcRouter } from '../../../src/rpc/server/createRpcRouter';
import { SatchelError } from '../../../src/shared/SatchelError';
import { registerContactsMethods } from '../../../src/sw/registerContactsMethods';
import { registerPubsubMethods } from '../../../src/sw/registerPubsubMethods';
import { errorIq, fakeIq, result } from '../pubsub/fakeIq';

const ROSTER = 'jabber:iq:roster';

/** Home's two lookups (pubsub.listSubscriptions, contacts.listMicroblogs) on a router, with a fake server: a roster of one contact, no services. */
function setup(account: () => string = () => 'me@example.org') {
  const asked: string[] = [];
  const router = createRpcRouter();
  const iq = (forAccount: string) => {
    asked.push(forAccount);
    return fakeIq((stanza: Element) => {
      if (stanza.getChild('query', ROSTER))
        return result(`<query xmlns='${ROSTER}'><item jid='juliet@example.org'/></query>`);
      if (stanza.getChild('query', 'http://jabber.org/protocol/disco#items'))
        return result(`<query xmlns='http://jabber.org/protocol/disco#items'/>`);
      return errorIq('item-not-found');
    }).iq;
  };
  registerContactsMethods(router, { account, iq });
  // Home's lookups never read the cache.
  registerPubsubMethods(router, {
    account,
    iq,
    cache: () => Promise.reject(new Error('home lookups do not use the cache')),
  });
  return { router, asked };
}

describe("home's lookups on the server", () => {
  it("answer for the signed-in account, asking its own server's domain", async () => {
    const { router, asked } = setup();
    await expect(
      router.dispatch({ kind: 'request', id: 1, method: 'contacts.listMicroblogs', params: {} }),
    ).resolves.toMatchObject({
      ok: true,
      result: { contacts: [], failures: [], unchecked: 0, hidden: 0 },
    });
    await expect(
      router.dispatch({ kind: 'request', id: 2, method: 'pubsub.listSubscriptions', params: {} }),
    ).resolves.toMatchObject({ ok: true, result: { subscriptions: [], failures: [] } });
    expect(asked).toEqual(['me@example.org', 'me@example.org']);
  });

  it('refuse params, and answer not-signed-in without an account', async () => {
    const { router } = setup(() => {
      throw new SatchelError('not-signed-in');
    });
    await expect(
      router.dispatch({
        kind: 'request',
        id: 3,
        method: 'contacts.listMicroblogs',
        params: { limit: 5 },
      }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } });
    await expect(
      router.dispatch({ kind: 'request', id: 4, method: 'pubsub.listSubscriptions', params: {} }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
  });
});
