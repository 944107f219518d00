import { xml } from '@xmpp/xml';
import { describe, expect, it } from 'vitest';
import { configureNode } from '../../../src/pubsub/configureNode';
import { createNode } from '../../../src/pubsub/createNode';
import { deleteNode } from '../../../src/pubsub/deleteNode';
import { getNodeConfig } from '../../../src/pubsub/getNodeConfig';
import { publishItem } from '../../../src/pubsub/publishItem';
import { purgeNode } from '../../../src/pubsub/purgeNode';
import { retractItem } from '../../../src/pubsub/retractItem';
import { canonical, errorIq, result, scriptedIq } from './fakeIq';

const PUBSUB = 'http://jabber.org/protocol/pubsub';
const OWNER = `${PUBSUB}#owner`;
const ERRORS = `${PUBSUB}#errors`;
const ATOM = 'http://www.w3.org/2005/Atom';
const hidden = (formType: string) =>
  `<field var='FORM_TYPE' type='hidden'><value>${formType}</value></field>`;

describe('publishItem (XEP-0060 §7.1)', () => {
  it('publishes a payload and returns the id the service reports', async () => {
    const fake = scriptedIq(
      result(
        `<pubsub xmlns='${PUBSUB}'><publish node='blog'><item id='srv-1'/></publish></pubsub>`,
      ),
    );
    const id = await publishItem(fake.iq, {
      service: 'ps.example',
      node: 'blog',
      payload: xml('entry', { xmlns: ATOM }, xml('title', {}, 'Hi')),
    });
    expect(id).toBe('srv-1');
    expect(canonical(fake.sent[0]!)).toBe(
      canonical(`<iq type='set' to='ps.example'><pubsub xmlns='${PUBSUB}'>
        <publish node='blog'><item><entry xmlns='${ATOM}'><title>Hi</title></entry></item></publish>
      </pubsub></iq>`),
    );
  });

  it('sends our id and publish-options (§7.1.5); an empty result keeps our id', async () => {
    const fake = scriptedIq(result());
    const id = await publishItem(fake.iq, {
      service: 'me@example',
      node: 'urn:xmpp:microblog:0',
      id: 'mine',
      publishOptions: { 'pubsub#access_model': 'presence' },
    });
    expect(id).toBe('mine');
    expect(canonical(fake.sent[0]!)).toBe(
      canonical(`<iq type='set' to='me@example'><pubsub xmlns='${PUBSUB}'>
        <publish node='urn:xmpp:microblog:0'><item id='mine'/></publish>
        <publish-options><x xmlns='jabber:x:data' type='submit'>${hidden(`${PUBSUB}#publish-options`)}
          <field var='pubsub#access_model'><value>presence</value></field></x></publish-options>
      </pubsub></iq>`),
    );
  });

  it('returns undefined when neither side named the item', async () => {
    expect(await publishItem(scriptedIq(result()).iq, { service: 's', node: 'n' })).toBeUndefined();
  });

  it.each([
    ['forbidden', undefined, 'forbidden'],
    ['bad-request', `<invalid-payload xmlns='${ERRORS}'/>`, 'bad-payload'],
    ['not-acceptable', `<payload-too-big xmlns='${ERRORS}'/>`, 'bad-payload'],
    ['conflict', `<precondition-not-met xmlns='${ERRORS}'/>`, 'not-acceptable'],
    ['item-not-found', undefined, 'item-not-found'],
  ])('maps %s %s to %s', async (condition, application, code) => {
    const fake = scriptedIq(errorIq(condition, { application }));
    await expect(publishItem(fake.iq, { service: 's', node: 'n' })).rejects.toMatchObject({ code });
  });
});

describe('retractItem (XEP-0060 §7.2)', () => {
  it("asks for notification by default (notify='true')", async () => {
    const fake = scriptedIq(result());
    await retractItem(fake.iq, { service: 's', node: 'blog', id: 'i1' });
    expect(canonical(fake.sent[0]!)).toBe(
      canonical(`<iq type='set' to='s'><pubsub xmlns='${PUBSUB}'>
        <retract node='blog' notify='true'><item id='i1'/></retract></pubsub></iq>`),
    );
  });

  it('can retract silently, and maps errors', async () => {
    const fake = scriptedIq(result(), errorIq('forbidden'));
    await retractItem(fake.iq, { service: 's', node: 'blog', id: 'i1', notify: false });
    expect(fake.sent[0]!.getChild('pubsub')!.getChild('retract')!.attrs.notify).toBeUndefined();
    await expect(retractItem(fake.iq, { service: 's', node: 'b', id: 'x' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});

describe('createNode (XEP-0060 §8.1)', () => {
  it('creates a named node with a configuration form (§8.1.3)', async () => {
    const fake = scriptedIq(result());
    const node = await createNode(fake.iq, {
      service: 'ps.example',
      node: 'blog',
      config: { maxItems: 1000, persistItems: true, accessModel: 'open' },
    });
    expect(node).toBe('blog');
    expect(canonical(fake.sent[0]!)).toBe(
      canonical(`<iq type='set' to='ps.example'><pubsub xmlns='${PUBSUB}'>
        <create node='blog'/>
        <configure><x xmlns='jabber:x:data' type='submit'>${hidden(`${PUBSUB}#node_config`)}
          <field var='pubsub#max_items'><value>1000</value></field>
          <field var='pubsub#persist_items'><value>1</value></field>
          <field var='pubsub#access_model'><value>open</value></field>
        </x></configure></pubsub></iq>`),
    );
  });

  it('creates an instant node (§8.1.2) and returns the name the service chose', async () => {
    const fake = scriptedIq(result(`<pubsub xmlns='${PUBSUB}'><create node='25e3d37d'/></pubsub>`));
    expect(await createNode(fake.iq, { service: 's' })).toBe('25e3d37d');
    expect(canonical(fake.sent[0]!)).toBe(
      canonical(`<iq type='set' to='s'><pubsub xmlns='${PUBSUB}'><create/></pubsub></iq>`),
    );
    await expect(createNode(scriptedIq(result()).iq, { service: 's' })).rejects.toMatchObject({
      code: 'remote-error',
    });
  });

  it('maps an existing node to conflict-node-exists', async () => {
    const fake = scriptedIq(errorIq('conflict'));
    await expect(createNode(fake.iq, { service: 's', node: 'blog' })).rejects.toMatchObject({
      code: 'conflict-node-exists',
    });
  });
});

describe('getNodeConfig and configureNode (XEP-0060 §8.2)', () => {
  it('reads the configuration form into a NodeConfig', async () => {
    const fake = scriptedIq(
      result(`<pubsub xmlns='${OWNER}'><configure node='blog'>
        <x xmlns='jabber:x:data' type='form'>${hidden(`${PUBSUB}#node_config`)}
          <field var='pubsub#max_items' type='text-single'><value>1000</value></field>
          <field var='pubsub#notify_retract' type='boolean'><value>1</value></field>
        </x></configure></pubsub>`),
    );
    const config = await getNodeConfig(fake.iq, 's', 'blog');
    expect(canonical(fake.sent[0]!)).toBe(
      canonical(
        `<iq type='get' to='s'><pubsub xmlns='${OWNER}'><configure node='blog'/></pubsub></iq>`,
      ),
    );
    expect(config).toEqual({
      maxItems: 1000,
      notifyRetract: true,
      raw: { 'pubsub#max_items': '1000', 'pubsub#notify_retract': '1' },
    });
    expect(await getNodeConfig(scriptedIq(result()).iq, 's', 'blog')).toEqual({});
  });

  it('submits a configuration', async () => {
    const fake = scriptedIq(result());
    await configureNode(fake.iq, { service: 's', node: 'blog', config: { title: 'T' } });
    expect(canonical(fake.sent[0]!)).toBe(
      canonical(`<iq type='set' to='s'><pubsub xmlns='${OWNER}'><configure node='blog'>
        <x xmlns='jabber:x:data' type='submit'>${hidden(`${PUBSUB}#node_config`)}
          <field var='pubsub#title'><value>T</value></field></x>
      </configure></pubsub></iq>`),
    );
  });

  it('maps refusals', async () => {
    const fake = scriptedIq(errorIq('forbidden', { type: 'auth' }), errorIq('bad-request'));
    await expect(getNodeConfig(fake.iq, 's', 'n')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      configureNode(fake.iq, { service: 's', node: 'n', config: { maxItems: 1e9 } }),
    ).rejects.toMatchObject({ code: 'bad-request' });
  });
});

describe('deleteNode (§8.4) and purgeNode (§8.5)', () => {
  it('deletes, with a redirect when given', async () => {
    const fake = scriptedIq(result());
    await deleteNode(fake.iq, { service: 's', node: 'old', redirectUri: 'xmpp:s?;node=new' });
    await deleteNode(fake.iq, { service: 's', node: 'old' });
    expect(fake.sent.map((s) => canonical(s))).toEqual([
      canonical(`<iq type='set' to='s'><pubsub xmlns='${OWNER}'>
        <delete node='old'><redirect uri='xmpp:s?;node=new'/></delete></pubsub></iq>`),
      canonical(
        `<iq type='set' to='s'><pubsub xmlns='${OWNER}'><delete node='old'/></pubsub></iq>`,
      ),
    ]);
  });

  it('purges', async () => {
    const fake = scriptedIq(result());
    await purgeNode(fake.iq, 's', 'blog', { timeoutMs: 5 });
    expect(canonical(fake.sent[0]!)).toBe(
      canonical(
        `<iq type='set' to='s'><pubsub xmlns='${OWNER}'><purge node='blog'/></pubsub></iq>`,
      ),
    );
    expect(fake.timeouts).toEqual([5]);
  });

  it('maps unsupported purge and a missing node', async () => {
    const fake = scriptedIq(
      errorIq('feature-not-implemented', {
        application: `<unsupported xmlns='${ERRORS}' feature='purge-nodes'/>`,
      }),
      errorIq('item-not-found'),
    );
    const purge = purgeNode(fake.iq, 's', 'blog');
    await expect(purge).rejects.toMatchObject({
      code: 'feature-not-implemented',
      detail: 'feature-not-implemented/unsupported feature=purge-nodes',
    });
    await expect(deleteNode(fake.iq, { service: 's', node: 'x' })).rejects.toMatchObject({
      code: 'item-not-found',
    });
  });
});
