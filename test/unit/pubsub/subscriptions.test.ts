import { describe, expect, it } from 'vitest';
import { getSubscriptions } from '../../../src/pubsub/getSubscriptions';
import { subscribe } from '../../../src/pubsub/subscribe';
import { unsubscribe } from '../../../src/pubsub/unsubscribe';
import { canonical, errorIq, result, scriptedIq } from './fakeIq';

const PUBSUB = 'http://jabber.org/protocol/pubsub';
const reply = (inner: string) => result(`<pubsub xmlns='${PUBSUB}'>${inner}</pubsub>`);
const request = { service: 'ps.example', node: 'blog', jid: 'me@example' };

describe('subscribe (XEP-0060 §6.1)', () => {
  it('sends <subscribe node jid/> and reads the subscription', async () => {
    const fake = scriptedIq(
      reply("<subscription node='blog' jid='me@example' subid='s1' subscription='subscribed'/>"),
    );
    const subscription = await subscribe(fake.iq, request);
    expect(canonical(fake.sent[0]!)).toBe(
      canonical(`<iq type='set' to='ps.example'><pubsub xmlns='${PUBSUB}'>
        <subscribe node='blog' jid='me@example'/></pubsub></iq>`),
    );
    expect(subscription).toEqual({
      node: 'blog',
      jid: 'me@example',
      state: 'subscribed',
      subid: 's1',
      configurationRequired: false,
    });
  });

  it("reports 'pending' (§6.1.4 approval) and 'unconfigured' (§6.1.5)", async () => {
    const pending = scriptedIq(
      reply("<subscription node='blog' jid='me@example' subscription='pending'/>"),
    );
    expect((await subscribe(pending.iq, request)).state).toBe('pending');
    const unconfigured = scriptedIq(
      reply(`<subscription node='blog' jid='me@example' subscription='unconfigured'>
        <subscribe-options><required/></subscribe-options></subscription>`),
    );
    expect(await subscribe(unconfigured.iq, request)).toMatchObject({
      state: 'unconfigured',
      configurationRequired: true,
    });
  });

  it("takes an empty result as 'subscribed' and submits options when given", async () => {
    const fake = scriptedIq(result());
    const subscription = await subscribe(fake.iq, {
      ...request,
      options: { 'pubsub#deliver': true },
    });
    expect(subscription).toEqual({
      node: 'blog',
      jid: 'me@example',
      state: 'subscribed',
      configurationRequired: false,
    });
    expect(canonical(fake.sent[0]!)).toBe(
      canonical(`<iq type='set' to='ps.example'><pubsub xmlns='${PUBSUB}'>
        <subscribe node='blog' jid='me@example'/>
        <options><x xmlns='jabber:x:data' type='submit'>
          <field var='FORM_TYPE' type='hidden'><value>${PUBSUB}#subscribe_options</value></field>
          <field var='pubsub#deliver'><value>1</value></field>
        </x></options></pubsub></iq>`),
    );
  });

  it('maps refusals', async () => {
    const fake = scriptedIq(
      errorIq('not-authorized', {
        type: 'auth',
        application: `<presence-subscription-required xmlns='${PUBSUB}#errors'/>`,
      }),
    );
    await expect(subscribe(fake.iq, request)).rejects.toMatchObject({ code: 'not-authorized' });
  });
});

describe('unsubscribe (XEP-0060 §6.2)', () => {
  it("sends <unsubscribe/> with subid and reads 'none' from an empty result", async () => {
    const fake = scriptedIq(result());
    const subscription = await unsubscribe(fake.iq, { ...request, subid: 's1' });
    expect(canonical(fake.sent[0]!)).toBe(
      canonical(`<iq type='set' to='ps.example'><pubsub xmlns='${PUBSUB}'>
        <unsubscribe node='blog' jid='me@example' subid='s1'/></pubsub></iq>`),
    );
    expect(subscription.state).toBe('none');
  });

  it('maps not-subscribed to bad-request', async () => {
    const fake = scriptedIq(
      errorIq('unexpected-request', { application: `<not-subscribed xmlns='${PUBSUB}#errors'/>` }),
    );
    await expect(unsubscribe(fake.iq, request)).rejects.toMatchObject({ code: 'bad-request' });
  });
});

describe('getSubscriptions (XEP-0060 §5.6)', () => {
  it('lists subscriptions at a service', async () => {
    const fake = scriptedIq(
      reply(`<subscriptions>
        <subscription node='a' jid='me@example' subscription='subscribed' subid='1'/>
        <subscription node='b' jid='me@example' subscription='pending'/>
        <subscription node='c' subscription='subscribed'/>
      </subscriptions>`),
    );
    const subscriptions = await getSubscriptions(fake.iq, 'ps.example');
    expect(canonical(fake.sent[0]!)).toBe(
      canonical(
        `<iq type='get' to='ps.example'><pubsub xmlns='${PUBSUB}'><subscriptions/></pubsub></iq>`,
      ),
    );
    expect(subscriptions.map((s) => [s.node, s.state, s.subid])).toEqual([
      ['a', 'subscribed', '1'],
      ['b', 'pending', undefined],
    ]);
  });

  it('asks about one node, whose name fills entries that omit it', async () => {
    const fake = scriptedIq(
      reply(
        "<subscriptions node='blog'><subscription jid='me@example' subscription='subscribed'/></subscriptions>",
      ),
    );
    const [only] = await getSubscriptions(fake.iq, 'ps.example', 'blog');
    expect(canonical(fake.sent[0]!)).toContain('<subscriptions node="blog">');
    expect(only).toMatchObject({ node: 'blog', state: 'subscribed' });
  });
});
