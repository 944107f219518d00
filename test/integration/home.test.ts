import { xml, type Element } from '@xmpp/xml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startProsody, type ProsodyServer } from '../../scripts/lib/prosody';
import { connectPeer, type XmppPeer } from '../../scripts/lib/xmppPeer';
import type { SatchelDb } from '../../src/db/SatchelDb';
import { findContactMicroblogs } from '../../src/pubsub/findContactMicroblogs';
import { getRoster } from '../../src/pubsub/getRoster';
import { listServerSubscriptions } from '../../src/pubsub/listServerSubscriptions';
import { subscribe } from '../../src/pubsub/subscribe';
import { atomEntry } from '../support/atomEntry';
import { createSatchel, openTestDb } from '../support/cacheHarness';

// Issue 5, home: what the user already follows elsewhere. Their subscriptions on the server's
// pubsub component (XEP-0060 §5.6), and which roster contacts (RFC 6121 §2) have a microblog
// (XEP-0277 §3) they can read, then followed and synced like any node.
const MICROBLOG = 'urn:xmpp:microblog:0';
let prosody: ProsodyServer;
let db: SatchelDb;
const peers: XmppPeer[] = [];
const user = { jid: '', password: 'pw-user' };
const jids = { blogger: '', privateBlogger: '', quiet: '', friend: '' };

async function peer(name: string): Promise<XmppPeer> {
  const jid = await prosody.register(name, `pw-${name}`);
  const p = await connectPeer({ wsUrl: prosody.wsUrl, jid, password: `pw-${name}` });
  peers.push(p);
  return p;
}

beforeAll(async () => {
  prosody = await startProsody();
  user.jid = await prosody.register('user', user.password);
  const [blogger, privateBlogger, quiet, friend, publisher] = await Promise.all(
    ['blogger', 'private', 'quiet', 'friend', 'publisher'].map(peer),
  );
  if (!blogger || !privateBlogger || !quiet || !friend || !publisher)
    throw new Error('peers missing');
  jids.friend = friend.bareJid;
  jids.blogger = blogger.bareJid;
  jids.privateBlogger = privateBlogger.bareJid;
  jids.quiet = quiet.bareJid;
  // A contact with an open microblog, one whose microblog only presence subscribers may read
  // (the user has no presence subscription), and one with none at all.
  await blogger.createNode(blogger.bareJid, MICROBLOG, {
    'pubsub#access_model': 'open',
    'pubsub#max_items': '100',
  });
  await blogger.publishMany(
    blogger.bareJid,
    MICROBLOG,
    Array.from({ length: 3 }, (_, i) => ({ id: `b${i}`, payload: atomEntry(`b${i}`) })),
  );
  await privateBlogger.createNode(privateBlogger.bareJid, MICROBLOG, {
    'pubsub#access_model': 'presence',
  });
  await privateBlogger.publish(privateBlogger.bareJid, MICROBLOG, 'p0', atomEntry('p0'));
  // A node on the pubsub component that the user subscribes to from "another client".
  await publisher.createNode(prosody.pubsubService, 'news/home', {
    'pubsub#access_model': 'open',
  });
  await publisher.publish(prosody.pubsubService, 'news/home', 'n0', atomEntry('n0'));
  const other = await connectPeer({ wsUrl: prosody.wsUrl, jid: user.jid, password: user.password });
  peers.push(other);
  await subscribe(
    { request: (s, t) => other.iq(s, t) },
    { service: prosody.pubsubService, node: 'news/home', jid: user.jid },
  );
  // RFC 6121 §2.3: the user's own client adds the contacts to the roster.
  for (const [name, jid] of [
    ['Blogger', jids.blogger],
    ['Private', jids.privateBlogger],
    ['Quiet', jids.quiet],
    ['Friend', jids.friend],
  ] as const)
    await other.iq(
      xml(
        'iq',
        { type: 'set' },
        xml('query', { xmlns: 'jabber:iq:roster' }, xml('item', { jid, name })),
      ),
    );
  // RFC 6121 §3: the user asks for the friend's presence and the friend approves, so the user
  // passes PEP's presence access model there, and a missing microblog reads item-not-found.
  friend.onStanza((stanza) => {
    if (stanza.is('presence') && stanza.attrs.type === 'subscribe')
      void friend.client.send(xml('presence', { to: stanza.attrs.from, type: 'subscribed' }));
  });
  await friend.client.send(xml('presence')); // available, so the request is delivered now
  await other.client.send(xml('presence', { to: jids.friend, type: 'subscribe' }));
  const rosterIq = { request: (s: Element, t?: number) => other.iq(s, t) };
  await vi.waitFor(
    async () => {
      const item = (await getRoster(rosterIq)).find((i) => i.jid === jids.friend);
      if (item?.subscription !== 'to') throw new Error(`friend is ${item?.subscription}`);
    },
    { timeout: 10_000, interval: 100 },
  );
  db = await openTestDb();
}, 120_000);
afterAll(async () => {
  await Promise.all(peers.map((p) => p.stop()));
  await prosody?.stop();
});

describe('home lookups against Prosody 0.12', () => {
  it("lists the user's server-side subscriptions, and following one syncs it", async () => {
    const satchel = await createSatchel(prosody, user, db);
    try {
      const found = await listServerSubscriptions(satchel.live.iqCaller, prosody.domain);
      expect(found.failures).toEqual([]);
      expect(found.subscriptions).toEqual([
        { service: prosody.pubsubService, node: 'news/home', state: 'subscribed' },
      ]);
      const address = { service: prosody.pubsubService, node: 'news/home' };
      await satchel.cache.follow(user.jid, address);
      await expect
        .poll(async () => (await satchel.nodes.get({ account: user.jid, ...address }))?.syncState)
        .toBe('completed');
      expect(await satchel.items.listItemIds(user.jid, address.service, address.node)).toEqual([
        'n0',
      ]);
    } finally {
      await satchel.disconnect();
    }
  });

  it('lists contacts with a readable microblog, reports a refused one, leaves out one without', async () => {
    const satchel = await createSatchel(prosody, user, db);
    try {
      const found = await findContactMicroblogs(satchel.live.iqCaller, user.jid);
      expect(found.contacts).toEqual([{ jid: jids.blogger, name: 'Blogger' }]);
      // The friend (presence seen, no microblog) answers item-not-found and is left out. The
      // private blogger and the quiet contact (presence not seen) both answer forbidden, one with
      // a microblog and one without: indistinguishable, so counted as hidden, not failures.
      expect(found.failures).toEqual([]);
      expect(found.hidden).toBe(2);
      expect(found.unchecked).toBe(0);
      const address = { service: jids.blogger, node: MICROBLOG };
      await satchel.cache.follow(user.jid, address);
      await expect
        .poll(async () => (await satchel.nodes.get({ account: user.jid, ...address }))?.syncState)
        .toBe('completed');
      expect((await satchel.items.listItemIds(user.jid, jids.blogger, MICROBLOG)).sort()).toEqual([
        'b0',
        'b1',
        'b2',
      ]);
    } finally {
      await satchel.disconnect();
    }
  });
});
