/**
 * fetchAllItems keeps one request ahead of the store (fetching and writing overlap), never
 * more, hands batches over in order with resumable cursors, and a failed store loses nothing
 * and leaves no request's failure unhandled.
 */
import type { Element } from '@xmpp/xml';
import { expect, test } from 'vitest';
import { fetchAllItems, SYNC_BATCH } from '../../../src/cache/fetchAllItems';
import { fakeIq, result } from '../pubsub/fakeIq';

const ids = Array.from({ length: 250 }, (_, i) => `id-${String(i).padStart(3, '0')}`);
const itemXml = (id: string) => `<item id='${id}'><x xmlns='urn:example'/></item>`;
const itemsReply = (list: readonly string[], rsm = '') =>
  result(
    `<pubsub xmlns='http://jabber.org/protocol/pubsub'><items node='blog'>${list.map(itemXml).join('')}</items>${rsm}</pubsub>`,
  );

/** A fake service whose item requests each take 5 ms (a server slower than the store). */
function slowService(options: { failAfter?: number; rsm?: boolean } = {}) {
  const log: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let requests = 0;
  const answers: Array<Promise<unknown>> = [];
  const fake = fakeIq((stanza: Element) => {
    const answer = answerRequest(stanza);
    answers.push(answer);
    return answer;
  });
  const answerRequest = async (stanza: Element) => {
    const query = stanza.getChild('query', 'http://jabber.org/protocol/disco#items');
    if (query)
      return result(
        `<query xmlns='http://jabber.org/protocol/disco#items' node='blog'>${ids.map((id) => `<item jid='ps.example' name='${id}'/>`).join('')}</query>`,
      );
    const n = requests++;
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    log.push(`fetch ${n}`);
    // Let the store of the batch before run first: a server slower than the store.
    await new Promise((resolve) => setTimeout(resolve, 5));
    inFlight -= 1;
    if (options.failAfter !== undefined && n > options.failAfter) throw new Error('gone');
    const items = stanza.getChild('pubsub')?.getChild('items');
    if (options.rsm) {
      const after = stanza.getChild('pubsub')?.getChild('set')?.getChildText('after');
      const start = after ? ids.indexOf(after) + 1 : 0;
      const page = ids.slice(start, start + SYNC_BATCH);
      const last = page.length > 0 ? `<last>${page[page.length - 1]!}</last>` : '';
      return itemsReply(
        page,
        `<set xmlns='http://jabber.org/protocol/rsm'>${last}<count>${ids.length}</count></set>`,
      );
    }
    const asked = (items?.getChildren('item') ?? []).map((item) => String(item.attrs.id));
    return itemsReply(asked);
  };
  /** Resolves once every request made so far has been answered or has failed. */
  const settled = async () => {
    await Promise.allSettled(answers);
  };
  return { fake, log, settled, stats: () => ({ maxInFlight, requests }) };
}

test.each([false, true])('one request ahead of the store, in order (rsm %s)', async (rsm) => {
  const service = slowService({ rsm });
  const stored: string[] = [];
  const cursors: unknown[] = [];
  await fetchAllItems(
    service.fake.iq,
    { service: 'ps.example', node: 'blog' },
    {
      rsm,
      onBatch: async (items, cursor, done) => {
        service.log.push(`store ${done}`);
        cursors.push(cursor);
        // The next request is already out when a batch is handed over.
        await new Promise((resolve) => setTimeout(resolve, 1));
        stored.push(...items.map((item) => String(item.attrs.id)));
      },
    },
  );
  expect(stored).toEqual(ids);
  expect(service.stats().maxInFlight).toBe(1);
  expect(service.log.slice(0, 3)).toEqual(['fetch 0', 'fetch 1', 'store 100']);
  if (rsm) expect(cursors[0]).toEqual({ rsmAfter: 'id-099' });
  else {
    expect(cursors[0]).toEqual({ pendingIds: ids.slice(100) });
    expect(cursors[2]).toEqual({ pendingIds: [] });
  }
});

test('a failed store rejects the sync; the request in flight is dropped quietly', async () => {
  const service = slowService({ failAfter: 0 });
  const stored: string[] = [];
  await expect(
    fetchAllItems(
      service.fake.iq,
      { service: 'ps.example', node: 'blog' },
      {
        rsm: false,
        onBatch: (items) => {
          stored.push(...items.map((item) => String(item.attrs.id)));
          return Promise.reject(new Error('quota'));
        },
      },
    ),
  ).rejects.toThrow('quota');
  expect(stored).toEqual(ids.slice(0, SYNC_BATCH));
  // Let the abandoned request fail: an unhandled rejection would fail this file.
  await service.settled();
  expect(service.stats().requests).toBe(2);
});

test('resumes from the stored cursor', async () => {
  const service = slowService();
  const stored: string[] = [];
  await fetchAllItems(
    service.fake.iq,
    { service: 'ps.example', node: 'blog' },
    {
      rsm: false,
      cursor: { pendingIds: ids.slice(200) },
      onBatch: (items) => {
        stored.push(...items.map((item) => String(item.attrs.id)));
        return Promise.resolve();
      },
    },
  );
  expect(stored).toEqual(ids.slice(200));
});

test('a request failing while the batch before is stored fails the sync, handled', async () => {
  const service = slowService({ failAfter: 0 });
  const stored: string[] = [];
  await expect(
    fetchAllItems(
      service.fake.iq,
      { service: 'ps.example', node: 'blog' },
      {
        rsm: false,
        onBatch: async (items) => {
          // Longer than the failing request takes: it fails before anyone awaits it.
          await new Promise((resolve) => setTimeout(resolve, 30));
          stored.push(...items.map((item) => String(item.attrs.id)));
        },
      },
    ),
  ).rejects.toThrow('gone');
  expect(stored).toEqual(ids.slice(0, SYNC_BATCH));
});
