import type { Element } from '@xmpp/xml';
import { describe, expect, it } from 'vitest';
import { detectCapabilities } from '../../../src/pubsub/detectCapabilities';
import { discoverPubsubServices } from '../../../src/pubsub/discoverPubsubServices';
import { getServiceInfo } from '../../../src/pubsub/getServiceInfo';
import { listItemIds } from '../../../src/pubsub/listItemIds';
import { listNodes } from '../../../src/pubsub/listNodes';
import type { SatchelError } from '../../../src/shared/SatchelError';
import { canonical, errorIq, fakeIq, result, scriptedIq } from './fakeIq';

const DISCO_INFO = 'http://jabber.org/protocol/disco#info';
const DISCO_ITEMS = 'http://jabber.org/protocol/disco#items';
const feature = (name: string) => `<feature var='http://jabber.org/protocol/pubsub#${name}'/>`;

/** What Prosody 0.12's pubsub component says about itself (no RSM, no MAM). */
const prosodyInfo = result(`<query xmlns='${DISCO_INFO}'>
  <identity category='pubsub' type='service' name='Prosody PubSub Service'/>
  <feature var='http://jabber.org/protocol/pubsub'/>
  ${[
    'create-nodes',
    'delete-nodes',
    'publish',
    'purge-nodes',
    'retract-items',
    'delete-items',
    'retrieve-items',
    'subscribe',
    'config-node',
    'persistent-items',
    'instant-nodes',
    'last-published',
    'publish-options',
    'retrieve-subscriptions',
    'item-ids',
  ]
    .map(feature)
    .join('')}
</query>`);

describe('getServiceInfo (XEP-0030 §3)', () => {
  it('asks disco#info, on a node when given, and reads identities, features and forms', async () => {
    const fake = scriptedIq(
      result(`<query xmlns='${DISCO_INFO}' node='blog'>
        <identity category='pubsub' type='leaf'/>
        <feature var='urn:xmpp:mam:2'/>
        <x xmlns='jabber:x:data' type='result'>
          <field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/pubsub#meta-data</value></field>
          <field var='pubsub#title'><value>Blog</value></field>
        </x>
        <x xmlns='jabber:x:data' type='result'><field var='orphan'><value>1</value></field></x>
      </query>`),
    );
    const info = await getServiceInfo(fake.iq, 'pubsub.example', 'blog', { timeoutMs: 500 });
    expect(canonical(fake.sent[0]!)).toBe(
      canonical(
        `<iq type='get' to='pubsub.example'><query xmlns='${DISCO_INFO}' node='blog'/></iq>`,
      ),
    );
    expect(fake.timeouts).toEqual([500]);
    expect(info.identities).toEqual([{ category: 'pubsub', type: 'leaf' }]);
    expect([...info.features]).toEqual(['urn:xmpp:mam:2']);
    expect(info.forms).toEqual({
      'http://jabber.org/protocol/pubsub#meta-data': { 'pubsub#title': 'Blog' },
    });
  });

  it('maps an error to a SatchelError', async () => {
    const fake = scriptedIq(errorIq('item-not-found'));
    await expect(getServiceInfo(fake.iq, 'pubsub.example', 'gone')).rejects.toMatchObject({
      code: 'item-not-found',
    });
  });
});

describe('detectCapabilities', () => {
  it('finds no RSM and no MAM on a Prosody 0.12 component, and its features', async () => {
    const caps = detectCapabilities(await getServiceInfo(scriptedIq(prosodyInfo).iq, 'p'));
    expect(caps).toMatchObject({
      isPubsubService: true,
      isPep: false,
      rsm: false,
      mam: false,
      cachingHints: false,
      hints: {},
      publish: true,
      publishOptions: true,
      retrieveItems: true,
      retractItems: true,
      persistentItems: true,
      subscribe: true,
      createNodes: true,
      instantNodes: true,
      configNode: true,
      deleteNodes: true,
      purgeNodes: true,
      lastPublished: true,
      itemIds: true,
    });
  });

  it('detects pubsub#rsm (XEP-0060 §6.5.4), MAM (XEP-0313 §8) and caching hints (XEP-0460)', () => {
    const meta = 'http://jabber.org/protocol/pubsub#meta-data';
    const caps = detectCapabilities({
      identities: [{ category: 'pubsub', type: 'pep' }],
      features: new Set([
        'http://jabber.org/protocol/pubsub#rsm',
        'urn:xmpp:mam:2',
        'urn:xmpp:pubsub-caching:0',
      ]),
      forms: {
        [meta]: {
          'pubsub#max_items': 'max',
          'pubsub#item_expire': '3600',
          'pubsub#access_model': 'open',
          '{urn:xmpp:pubsub-caching:0}persistence': 'persistent',
          '{urn:xmpp:pubsub-caching:0}consistent-items': 'true',
          '{urn:xmpp:pubsub-caching:0}consistent-set': '1',
          '{urn:xmpp:pubsub-caching:0}stable-items': 'false',
          '{urn:xmpp:pubsub-caching:0}alway-notify': 'true',
          '{urn:xmpp:pubsub-caching:0}allowed-for-suggestions': 'false',
          '{urn:xmpp:pubsub-caching:0}purge-keep-last-item': '0',
        },
      },
    });
    expect(caps).toMatchObject({ isPep: true, isPubsubService: false, rsm: true, mam: true });
    expect(caps.cachingHints).toBe(true);
    expect(caps.hints).toEqual({
      maxItems: 'max',
      itemExpireSeconds: 3600,
      accessModel: 'open',
      persistence: 'persistent',
      consistentItems: true,
      consistentSet: true,
      stableItems: false,
      alwaysNotify: true,
      allowedForSuggestions: false,
      purgeKeepLastItem: false,
    });
  });

  it('accepts the generic XEP-0059 feature as RSM support', () => {
    const info = {
      identities: [],
      features: new Set(['http://jabber.org/protocol/rsm']),
      forms: {},
    };
    expect(detectCapabilities(info).rsm).toBe(true);
  });
});

describe('discoverPubsubServices (XEP-0060 §5.1)', () => {
  const domainItems = result(`<query xmlns='${DISCO_ITEMS}'>
    <item jid='pubsub.example' name='Feeds'/>
    <item jid='upload.example'/>
    <item jid='broken.example'/>
    <item jid='slow.example'/>
    <item jid='news.example'/>
    <item jid='news.example'/>
    <item jid='example' node='announcements'/>
  </query>`);
  const info = (type: string) =>
    result(
      `<query xmlns='${DISCO_INFO}'><identity category='${type}' type='service' name='N'/></query>`,
    );

  function server(active: { now: number; max: number }) {
    return fakeIq(async (stanza: Element) => {
      const to = stanza.attrs.to;
      if (to === 'example') return domainItems;
      active.now++;
      active.max = Math.max(active.max, active.now);
      try {
        await Promise.resolve();
        if (to === 'broken.example') return errorIq('service-unavailable');
        if (to === 'slow.example') return await new Promise<string>(() => undefined);
        return info(to === 'upload.example' ? 'store' : 'pubsub');
      } finally {
        active.now--;
      }
    });
  }

  it('keeps pubsub/service items, reports failures per item and bounds concurrency', async () => {
    const active = { now: 0, max: 0 };
    const fake = server(active);
    const failures: [string, SatchelError][] = [];
    const services = await discoverPubsubServices(fake.iq, 'example', {
      concurrency: 2,
      timeoutMs: 50,
      onItemError: (jid, error) => failures.push([jid, error]),
    });
    expect(services.map((s) => [s.jid, s.name])).toEqual([
      ['pubsub.example', 'Feeds'],
      ['news.example', 'N'],
    ]);
    expect(services[0]!.info.features).toBeInstanceOf(Set);
    expect(failures.map(([jid, e]) => [jid, e.code])).toEqual([
      ['broken.example', 'service-unavailable'],
      ['slow.example', 'timeout'],
    ]);
    expect(active.max).toBeLessThanOrEqual(2);
    // One disco#items, then one disco#info per distinct JID without a node.
    expect(fake.sent.map((s) => s.attrs.to)).toHaveLength(6);
    expect(canonical(fake.sent[0]!)).toBe(
      canonical(`<iq type='get' to='example'><query xmlns='${DISCO_ITEMS}'/></iq>`),
    );
  });

  it("rejects when the domain's own disco#items fails", async () => {
    const fake = scriptedIq(errorIq('remote-server-not-found'));
    await expect(discoverPubsubServices(fake.iq, 'example')).rejects.toMatchObject({
      code: 'service-unavailable',
    });
  });
});

describe('listNodes (XEP-0060 §5.2)', () => {
  it('lists the nodes of a service, or the children of a collection', async () => {
    const fake = scriptedIq(
      result(`<query xmlns='${DISCO_ITEMS}' node='coll'>
        <item jid='pubsub.example' node='blog' name='My blog'/>
        <item jid='pubsub.example' node='news'/>
        <item node='no-jid'/>
      </query>`),
    );
    const nodes = await listNodes(fake.iq, 'pubsub.example', 'coll');
    expect(nodes).toEqual([
      { jid: 'pubsub.example', node: 'blog', name: 'My blog' },
      { jid: 'pubsub.example', node: 'news' },
    ]);
    expect(canonical(fake.sent[0]!)).toBe(
      canonical(
        `<iq type='get' to='pubsub.example'><query xmlns='${DISCO_ITEMS}' node='coll'/></iq>`,
      ),
    );
  });
});

describe('listItemIds (XEP-0060 §5.5)', () => {
  const page = (ids: string[], set = '') =>
    result(
      `<query xmlns='${DISCO_ITEMS}' node='blog'>${ids
        .map((id) => `<item jid='pubsub.example' name='${id}'/>`)
        .join('')}${set}</query>`,
    );

  it('reads item ids from the name attributes (Prosody: one answer, no paging)', async () => {
    const fake = scriptedIq(page(['a', 'b', 'c']));
    expect(await listItemIds(fake.iq, 'pubsub.example', 'blog')).toEqual(['a', 'b', 'c']);
    expect(fake.sent).toHaveLength(1);
  });

  it('follows a service that pages disco#items with RSM (XEP-0059 §2.6)', async () => {
    const rsm = (first: string, last: string) =>
      `<set xmlns='http://jabber.org/protocol/rsm'><first>${first}</first><last>${last}</last><count>5</count></set>`;
    const fake = scriptedIq(
      page(['a', 'b'], rsm('a', 'b')),
      page(['c', 'd'], rsm('c', 'd')),
      page(['e'], rsm('e', 'e')),
    );
    expect(await listItemIds(fake.iq, 'pubsub.example', 'blog')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(canonical(fake.sent[1]!)).toBe(
      canonical(`<iq type='get' to='pubsub.example'><query xmlns='${DISCO_ITEMS}' node='blog'>
        <set xmlns='http://jabber.org/protocol/rsm'><max>2</max><after>b</after></set>
      </query></iq>`),
    );
    expect(fake.sent).toHaveLength(3);
  });

  it('maps a missing node to item-not-found', async () => {
    const fake = scriptedIq(errorIq('item-not-found'));
    await expect(listItemIds(fake.iq, 'pubsub.example', 'nope')).rejects.toMatchObject({
      code: 'item-not-found',
    });
  });
});
