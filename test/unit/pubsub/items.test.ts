import type { Element } from '@xmpp/xml';
import { describe, expect, it } from 'vitest';
import { getItems } from '../../../src/pubsub/getItems';
import { getItemsByIds } from '../../../src/pubsub/getItemsByIds';
import { canonical, errorIq, fakeIq, result, scriptedIq } from './fakeIq';

const PUBSUB = 'http://jabber.org/protocol/pubsub';
const RSM = 'http://jabber.org/protocol/rsm';
const itemsReply = (ids: string[], extra = '') =>
  result(
    `<pubsub xmlns='${PUBSUB}'><items node='blog'>${ids
      .map(
        (id) => `<item id='${id}'><entry xmlns='http://www.w3.org/2005/Atom'>${id}</entry></item>`,
      )
      .join('')}</items>${extra}</pubsub>`,
  );

describe('getItems (XEP-0060 §6.5)', () => {
  it('asks for every item of a node (§6.5.2)', async () => {
    const fake = scriptedIq(itemsReply(['1', '2']));
    const { items, rsm } = await getItems(fake.iq, { service: 'ps.example', node: 'blog' });
    expect(canonical(fake.sent[0]!)).toBe(
      canonical(
        `<iq type='get' to='ps.example'><pubsub xmlns='${PUBSUB}'><items node='blog'/></pubsub></iq>`,
      ),
    );
    expect(items.map((item) => item.attrs.id)).toEqual(['1', '2']);
    expect(items[0]!.getChildText('entry', 'http://www.w3.org/2005/Atom')).toBe('1');
    expect(rsm).toBeUndefined();
  });

  it('asks for the newest N with max_items (§6.5.7) and passes subid and timeout', async () => {
    const fake = scriptedIq(itemsReply(['9', '10']));
    await getItems(fake.iq, {
      service: 's',
      node: 'blog',
      maxItems: 2,
      subid: 'sub1',
      timeoutMs: 99,
    });
    expect(canonical(fake.sent[0]!)).toBe(
      canonical(`<iq type='get' to='s'><pubsub xmlns='${PUBSUB}'>
        <items node='blog' max_items='2' subid='sub1'/></pubsub></iq>`),
    );
    expect(fake.timeouts).toEqual([99]);
  });

  it('asks for items by id (§6.5.8)', async () => {
    const fake = scriptedIq(itemsReply(['a']));
    await getItems(fake.iq, { service: 's', node: 'blog', itemIds: ['a', 'b'] });
    expect(canonical(fake.sent[0]!)).toBe(
      canonical(`<iq type='get' to='s'><pubsub xmlns='${PUBSUB}'>
        <items node='blog'><item id='a'/><item id='b'/></items></pubsub></iq>`),
    );
  });

  it('asks for an RSM page (§6.5.4) and reads the page the service returned', async () => {
    const fake = scriptedIq(
      itemsReply(
        ['c', 'd'],
        `<set xmlns='${RSM}'><first index='2'>c</first><last>d</last><count>40</count></set>`,
      ),
    );
    const page = await getItems(fake.iq, {
      service: 's',
      node: 'blog',
      rsm: { max: 2, after: 'b', index: 2 },
    });
    expect(canonical(fake.sent[0]!)).toBe(
      canonical(`<iq type='get' to='s'><pubsub xmlns='${PUBSUB}'><items node='blog'/>
        <set xmlns='${RSM}'><max>2</max><after>b</after><index>2</index></set></pubsub></iq>`),
    );
    expect(page.rsm).toEqual({ first: 'c', last: 'd', count: 40, firstIndex: 2 });
  });

  it('asks for the last page with an empty <before/> (XEP-0059 §2.5)', async () => {
    const fake = scriptedIq(itemsReply([], `<set xmlns='${RSM}'><count>0</count></set>`));
    const page = await getItems(fake.iq, {
      service: 's',
      node: 'blog',
      rsm: { max: 10, before: '' },
    });
    expect(canonical(fake.sent[0]!)).toContain('<before></before>');
    expect(page).toEqual({ items: [], rsm: { count: 0 } });
  });

  it('refuses an answer that carries the items of another node (issue 15)', async () => {
    const fake = scriptedIq(itemsReply(['a', 'b']));
    await expect(getItems(fake.iq, { service: 's', node: 'news' })).rejects.toMatchObject({
      code: 'unexpected-answer',
    });
  });

  it('gives no items for an empty result, and maps errors', async () => {
    expect((await getItems(scriptedIq(result()).iq, { service: 's', node: 'n' })).items).toEqual(
      [],
    );
    const missing = scriptedIq(errorIq('item-not-found'));
    await expect(getItems(missing.iq, { service: 's', node: 'n' })).rejects.toMatchObject({
      code: 'item-not-found',
    });
    const closed = scriptedIq(
      errorIq('not-authorized', {
        type: 'auth',
        application: `<presence-subscription-required xmlns='${PUBSUB}#errors'/>`,
      }),
    );
    await expect(getItems(closed.iq, { service: 's', node: 'n' })).rejects.toMatchObject({
      code: 'not-authorized',
    });
  });
});

describe('getItemsByIds', () => {
  /** A fake node holding ids 0..249 except the retracted ones; answers by-id requests. */
  function node(retracted: Set<string>) {
    return fakeIq((stanza: Element) => {
      const wanted = stanza
        .getChild('pubsub')!
        .getChild('items')!
        .getChildren('item')
        .map((item) => item.attrs.id!);
      return itemsReply(wanted.filter((id) => !retracted.has(id)));
    });
  }

  it('fetches in batches of 100 by default and reports ids the service did not return', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => String(i));
    const fake = node(new Set(['7', '249']));
    const progress: [number, number, number][] = [];
    const { items, missingIds } = await getItemsByIds(fake.iq, 's', 'blog', ids, undefined, {
      onBatch: (batch, { done, total }) => {
        progress.push([batch.length, done, total]);
      },
    });
    expect(fake.sent.map((s) => s.getChild('pubsub')!.getChild('items')!.children.length)).toEqual([
      100, 100, 50,
    ]);
    expect(items).toHaveLength(248);
    expect(missingIds).toEqual(['7', '249']);
    expect(progress).toEqual([
      [99, 100, 250],
      [100, 200, 250],
      [49, 250, 250],
    ]);
  });

  it('awaits onBatch before the next request, asks for duplicates once', async () => {
    const fake = node(new Set());
    const order: string[] = [];
    await getItemsByIds(fake.iq, 's', 'blog', ['a', 'b', 'a', 'c'], 2, {
      onBatch: async (batch) => {
        order.push(`stored ${batch.length} after ${fake.sent.length} requests`);
        await Promise.resolve();
      },
    });
    expect(order).toEqual(['stored 2 after 1 requests', 'stored 1 after 2 requests']);
  });

  it('sends nothing for no ids, and refuses a silly batch size', async () => {
    const fake = node(new Set());
    expect(await getItemsByIds(fake.iq, 's', 'n', [])).toEqual({ items: [], missingIds: [] });
    expect(fake.sent).toHaveLength(0);
    await expect(getItemsByIds(fake.iq, 's', 'n', ['a'], 0)).rejects.toMatchObject({
      code: 'bad-request',
    });
  });

  it('stops at the first failing batch with its mapped error', async () => {
    const fake = scriptedIq(itemsReply(['a']), errorIq('forbidden', { type: 'auth' }));
    await expect(getItemsByIds(fake.iq, 's', 'blog', ['a', 'b', 'c'], 1)).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(fake.sent).toHaveLength(2);
  });
});
