import type { Element } from '@xmpp/xml';
import { describe, expect, it } from 'vitest';
import { findContactMicroblogs } from '../../../src/pubsub/findContactMicroblogs';
import { getRoster } from '../../../src/pubsub/getRoster';
import { listServerSubscriptions } from '../../../src/pubsub/listServerSubscriptions';
import { canonical, errorIq, fakeIq, result } from './fakeIq';

const ROSTER = 'jabber:iq:roster';
const PUBSUB = 'http://jabber.org/protocol/pubsub';
const DISCO_INFO = 'http://jabber.org/protocol/disco#info';
const DISCO_ITEMS = 'http://jabber.org/protocol/disco#items';
const MICROBLOG = 'urn:xmpp:microblog:0';

const rosterReply = (items: string) => result(`<query xmlns='${ROSTER}'>${items}</query>`);
const entryItem = result(
  `<pubsub xmlns='${PUBSUB}'><items node='${MICROBLOG}'><item id='1'/></items></pubsub>`,
);

describe('getRoster (RFC 6121 §2.1.3)', () => {
  it('asks its own server for the roster and reads jid, name and subscription', async () => {
    const fake = fakeIq(() =>
      rosterReply(`<item jid='juliet@example.org' name='Juliet' subscription='both'/>
        <item jid='nurse@example.org'/>
        <item name='no jid'/>
        <item jid='juliet@example.org' name='again'/>`),
    );
    const roster = await getRoster(fake.iq, { timeoutMs: 700 });
    expect(canonical(fake.sent[0]!)).toBe(
      canonical(`<iq type='get'><query xmlns='${ROSTER}'/></iq>`),
    );
    expect(fake.timeouts).toEqual([700]);
    expect(roster).toEqual([
      { jid: 'juliet@example.org', name: 'Juliet', subscription: 'both' },
      { jid: 'nurse@example.org', subscription: 'none' },
    ]);
  });

  it('reads a result without a query as an empty roster (RFC 6121 §2.1.4)', async () => {
    expect(await getRoster(fakeIq(() => result()).iq)).toEqual([]);
  });
});

describe('findContactMicroblogs (XEP-0277 §3 on each contact)', () => {
  /** A roster, and each contact's PEP answering as `answers` says (default: no node). */
  function server(roster: string, answers: Record<string, string | Error>) {
    return fakeIq((stanza: Element) => {
      if (stanza.getChild('query', ROSTER)) return rosterReply(roster);
      const to = stanza.attrs.to ?? '';
      const answer = answers[to] ?? errorIq('item-not-found');
      if (answer instanceof Error) throw answer;
      return answer;
    });
  }

  it('lists contacts whose microblog can be read, leaves out those without one, reports failures', async () => {
    const fake = server(
      `<item jid='juliet@example.org' name='Juliet'/>
       <item jid='romeo@example.org'/>
       <item jid='nurse@example.org'/>
       <item jid='tybalt@example.org' subscription='both'/>
       <item jid='stranger@example.org' subscription='from'/>
       <item jid='gateway.example.org'/>
       <item jid='me@example.org'/>`,
      {
        'juliet@example.org': entryItem,
        'romeo@example.org': result(
          `<pubsub xmlns='${PUBSUB}'><items node='${MICROBLOG}'/></pubsub>`,
        ),
        'tybalt@example.org': errorIq('forbidden', { type: 'auth' }),
        'nurse@example.org': errorIq('feature-not-implemented'),
        'stranger@example.org': errorIq('forbidden', { type: 'auth' }),
      },
    );
    const found = await findContactMicroblogs(fake.iq, 'me@example.org', { timeoutMs: 900 });
    expect(found.contacts).toEqual([
      { jid: 'juliet@example.org', name: 'Juliet' },
      { jid: 'romeo@example.org' },
    ]);
    expect(found.failures.map((f) => [f.jid, f.error.code])).toEqual([
      ['tybalt@example.org', 'forbidden'],
    ]);
    // A refusal where the account sees no presence cannot be told from having no microblog.
    expect(found.hidden).toBe(1);
    expect(found.unchecked).toBe(0);
    // The newest item only, of the microblog node, at each contact's bare JID; never the
    // gateway or the account itself; every request with the timeout.
    const probes = fake.sent.slice(1);
    expect(probes.map((s) => s.attrs.to)).toEqual([
      'juliet@example.org',
      'romeo@example.org',
      'nurse@example.org',
      'tybalt@example.org',
      'stranger@example.org',
    ]);
    expect(canonical(probes[0]!)).toBe(
      canonical(
        `<iq type='get' to='juliet@example.org'><pubsub xmlns='${PUBSUB}'><items node='${MICROBLOG}' max_items='1'/></pubsub></iq>`,
      ),
    );
    expect(fake.timeouts.every((t) => t === 900)).toBe(true);
  });

  it('reports a contact that does not answer in time as a timeout, the others still listed', async () => {
    const fake = server(`<item jid='slow@example.org'/><item jid='juliet@example.org'/>`, {
      'juliet@example.org': entryItem,
    });
    const slow = fakeIq(async (stanza) => {
      if (stanza.attrs.to === 'slow@example.org') return new Promise<never>(() => undefined);
      return fake.iq.request(stanza);
    });
    const found = await findContactMicroblogs(slow.iq, 'me@example.org', { timeoutMs: 30 });
    expect(found.contacts).toEqual([{ jid: 'juliet@example.org' }]);
    expect(found.failures.map((f) => [f.jid, f.error.code])).toEqual([
      ['slow@example.org', 'timeout'],
    ]);
  });

  it('checks at most `limit` contacts, with at most `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const roster = Array.from({ length: 9 }, (_, i) => `<item jid='c${i}@example.org'/>`).join('');
    const fake = fakeIq(async (stanza) => {
      if (stanza.getChild('query', ROSTER)) return rosterReply(roster);
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return entryItem;
    });
    const found = await findContactMicroblogs(fake.iq, 'me@example.org', {
      limit: 6,
      concurrency: 2,
    });
    expect(found.contacts).toHaveLength(6);
    expect(found.unchecked).toBe(3);
    expect(most).toBe(2);
  });

  it('rejects with the roster failure as a SatchelError', async () => {
    const fake = fakeIq(() => errorIq('service-unavailable'));
    await expect(findContactMicroblogs(fake.iq, 'me@example.org')).rejects.toMatchObject({
      code: 'service-unavailable',
    });
  });
});

describe('listServerSubscriptions (XEP-0060 §5.1 then §5.6)', () => {
  const info = (features: string[]) =>
    result(
      `<query xmlns='${DISCO_INFO}'><identity category='pubsub' type='service'/>${features
        .map((f) => `<feature var='${PUBSUB}#${f}'/>`)
        .join('')}</query>`,
    );

  it('asks each service that retrieves subscriptions, merges resources, reports failures', async () => {
    const fake = fakeIq((stanza: Element) => {
      const to = stanza.attrs.to;
      if (stanza.getChild('query', DISCO_ITEMS))
        return result(`<query xmlns='${DISCO_ITEMS}'>
          <item jid='pubsub.example.org'/><item jid='news.example.org'/>
          <item jid='old.example.org'/><item jid='broken.example.org'/></query>`);
      if (stanza.getChild('query', DISCO_INFO)) {
        if (to === 'old.example.org') return info(['publish']);
        return info(['retrieve-subscriptions']);
      }
      if (to === 'broken.example.org') return errorIq('internal-server-error', { type: 'wait' });
      if (to === 'news.example.org')
        return result(`<pubsub xmlns='${PUBSUB}'><subscriptions/></pubsub>`);
      return result(`<pubsub xmlns='${PUBSUB}'><subscriptions>
        <subscription node='blog' jid='me@example.org/a' subscription='pending'/>
        <subscription node='blog' jid='me@example.org/b' subscription='subscribed'/>
        <subscription node='blog' jid='me@example.org' subscription='unconfigured'/>
        <subscription node='news' jid='me@example.org' subscription='subscribed'/>
      </subscriptions></pubsub>`);
    });
    const found = await listServerSubscriptions(fake.iq, 'example.org', { timeoutMs: 400 });
    expect(found.subscriptions).toEqual([
      { service: 'pubsub.example.org', node: 'blog', state: 'subscribed' },
      { service: 'pubsub.example.org', node: 'news', state: 'subscribed' },
    ]);
    expect(found.failures.map((f) => [f.jid, f.error.code])).toEqual([
      ['broken.example.org', 'remote-error'],
    ]);
    const asked = fake.sent.filter((s) => s.getChild('pubsub', PUBSUB)).map((s) => s.attrs.to);
    expect(asked.sort()).toEqual(['broken.example.org', 'news.example.org', 'pubsub.example.org']);
    expect(
      canonical(
        fake.sent.find((s) => s.attrs.to === 'news.example.org' && s.getChild('pubsub', PUBSUB))!,
      ),
    ).toBe(
      canonical(
        `<iq type='get' to='news.example.org'><pubsub xmlns='${PUBSUB}'><subscriptions/></pubsub></iq>`,
      ),
    );
    expect(fake.timeouts.every((t) => t === 400)).toBe(true);
  });

  it('asks the account’s own PEP service too, and takes its refusal for nothing to list', async () => {
    const pepSubscriptions = (to: string) =>
      to === 'me@example.org'
        ? result(`<pubsub xmlns='${PUBSUB}'><subscriptions>
            <subscription node='${MICROBLOG}' jid='me@example.org' subscription='subscribed'/>
          </subscriptions></pubsub>`)
        : errorIq('feature-not-implemented', { type: 'cancel' });
    const serve = (pep: (to: string) => string | Element) => (stanza: Element) => {
      if (stanza.getChild('query', DISCO_ITEMS)) return result(`<query xmlns='${DISCO_ITEMS}'/>`);
      return pep(stanza.attrs.to as string);
    };
    const found = await listServerSubscriptions(fakeIq(serve(pepSubscriptions)).iq, 'example.org', {
      ownPep: 'me@example.org',
    });
    expect(found).toEqual({
      subscriptions: [{ service: 'me@example.org', node: MICROBLOG, state: 'subscribed' }],
      failures: [],
    });
    const without = await listServerSubscriptions(
      fakeIq(serve(pepSubscriptions)).iq,
      'example.org',
      {
        ownPep: 'nopep@example.org',
      },
    );
    expect(without).toEqual({ subscriptions: [], failures: [] });
  });

  it("rejects when the domain's own discovery fails", async () => {
    const fake = fakeIq(() => errorIq('remote-server-timeout', { type: 'wait' }));
    await expect(listServerSubscriptions(fake.iq, 'example.org')).rejects.toMatchObject({
      code: 'timeout',
    });
  });
});
