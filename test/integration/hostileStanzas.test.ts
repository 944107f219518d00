import { xml, type Element } from '@xmpp/xml';
import parse from 'ltx/lib/parse.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProsody, type ProsodyServer } from '../../scripts/lib/prosody';
import { connectPeer, type XmppPeer } from '../../scripts/lib/xmppPeer';
import { withTimeout } from '../../scripts/lib/withTimeout';
import type { NodeRecord } from '../../src/shared/records';
import { atomEntry } from '../support/atomEntry';
import { createAnswerRewriter, type AnswerRule } from '../support/answerRewriter';
import { createSatchel, openTestDb } from '../support/cacheHarness';
import { publishRaw } from '../support/publishRaw';

// Issue 15, "Stanzas and payloads" (docs/reliability.md): hostile items published by a second
// client through a real Prosody 0.12, and, where Prosody refuses or normalises them, Prosody's
// real answers rewritten between the worker's pubsub layer and its session (answerRewriter.ts).
// Each case: a typed error, or a skipped item whose reason is on the node; the rest of the node
// cached; the worker still answering.
const NS_ATOM = 'http://www.w3.org/2005/Atom';
const NS_PUBSUB = 'http://jabber.org/protocol/pubsub';
let prosody: ProsodyServer;
let publisher: XmppPeer;
let account: string;
let satchel: Awaited<ReturnType<typeof createSatchel>>;
const rewriter = createAnswerRewriter();

beforeAll(async () => {
  // 8 MB: the 5 MB item must reach the server (Prosody refuses stanzas over 256 KiB by default).
  prosody = await startProsody({ stanzaSizeLimit: 8 * 1024 * 1024 });
  account = await prosody.register('sat', 'pw-sat');
  const publisherJid = await prosody.register('pub', 'pw-pub');
  publisher = await connectPeer({ wsUrl: prosody.wsUrl, jid: publisherJid, password: 'pw-pub' });
  satchel = await createSatchel(prosody, { jid: account, password: 'pw-sat' }, await openTestDb(), {
    iq: () => rewriter.wrap(satchel.live.iqCaller),
  });
  await createBlog('healthy', 3);
}, 120_000);

afterAll(async () => {
  await satchel?.disconnect();
  await publisher?.stop();
  await prosody?.stop();
});

const service = (): string => prosody.pubsubService;
const key = (node: string) => ({ account, service: service(), node });
const ids = async (node: string) =>
  (await satchel.items.listItemIds(account, service(), node)).sort();

async function createBlog(node: string, count: number): Promise<void> {
  await publisher.createNode(service(), node, {
    'pubsub#max_items': '10000',
    'pubsub#access_model': 'open',
  });
  await publisher.publishMany(
    service(),
    node,
    Array.from({ length: count }, (_, i) => ({ id: `p${i}`, payload: atomEntry(`p${i}`) })),
  );
}

/** Reads the node (its first read, from the server, starts the sync) and waits until the sync
 * ends. `firstRead` is that read's error, when the bad answer already reached it. */
async function syncToEnd(node: string): Promise<NodeRecord & { firstRead?: unknown }> {
  const firstRead = await satchel.cache.getItems(account, { service: service(), node }).then(
    () => undefined,
    (error: unknown) => error,
  );
  await expect
    .poll(async () => (await satchel.nodes.get(key(node)))?.syncState, {
      timeout: 40_000,
      interval: 100,
    })
    .toMatch(/^(completed|error)$/u);
  return { ...(await satchel.nodes.get(key(node)))!, firstRead };
}

/** The worker still answers: a read of a healthy synced node. */
async function stillAnswers(): Promise<void> {
  const page = await satchel.cache.getItems(account, { service: service(), node: 'healthy' });
  expect(page.items.map((item) => item.id).sort()).toEqual(['p0', 'p1', 'p2']);
}

/** A rule for the items answers (§6.5) of one node: by default only to the sync's fetches by
 * id (§6.5.8), so the node is analysed and its sync starts; `everyRead` for the reads too. */
function onItemsOf(
  node: string,
  mutate: (items: Element) => void,
  options: { everyRead?: boolean } = {},
) {
  const rule: AnswerRule = (request, answer) => {
    const byId =
      (request.getChild('pubsub', NS_PUBSUB)?.getChild('items')?.getChildren('item') ?? []).length >
      0;
    const items = answer.getChild('pubsub', NS_PUBSUB)?.getChild('items');
    if (items?.attrs.node !== node || !(byId || options.everyRead)) return answer;
    const copy = parse(answer.toString());
    mutate(copy.getChild('pubsub', NS_PUBSUB)!.getChild('items')!);
    return copy;
  };
  return rule;
}

describe('hostile stanzas and payloads against Prosody', () => {
  it('skips a 10,000-deep item (Prosody stores and serves it) and caches the rest', async () => {
    await createBlog('deep', 3);
    const depth = 10_000;
    const deep = `${'<d>'.repeat(depth)}x${'</d>'.repeat(depth)}`;
    const answer = await publishRaw(
      publisher,
      { service: service(), node: 'deep' },
      {
        id: 'deep',
        payloadXml: `<entry xmlns="${NS_ATOM}"><title>deep</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${deep}</div></content></entry>`,
      },
    );
    expect(answer.attrs.type).toBe('result');
    const record = await syncToEnd('deep');
    expect(record.syncState).toBe('completed');
    expect(await ids('deep')).toEqual(['p0', 'p1', 'p2']);
    expect(record.skipped).toMatchObject({
      count: 1,
      latest: [{ itemId: 'deep', reason: 'an item nested more than 256 elements deep' }],
    });
    await stillAnswers();
  });

  it('caches a 5 MB item with the rest of its node', async () => {
    await createBlog('big', 2);
    const body = 'lorem ipsum dolor sit amet '.repeat(200_000); // 5.4 MB
    await publisher.publish(service(), 'big', 'big', atomEntry('big', { content: body }));
    const started = performance.now();
    const record = await syncToEnd('big');
    const ms = performance.now() - started;
    expect(record.syncState).toBe('completed');
    expect(await ids('big')).toEqual(['big', 'p0', 'p1']);
    const [row] = await satchel.items.getItems(account, service(), 'big', ['big']);
    expect(row!.xml.length).toBeGreaterThan(5_000_000);
    console.log(`5 MB item: synced with its node in ${Math.round(ms)} ms`);
    await stillAnswers();
  });

  it('stores odd Atom entries with their problems recorded (dates, ids, 10,000 categories, 1 MB title, controls)', async () => {
    const node = 'odd-atom';
    await createBlog(node, 1);
    const entry = (...children: Element[]) => xml('entry', { xmlns: NS_ATOM }, ...children);
    const title = (text: string) => xml('title', {}, text);
    const cases: Record<string, Element> = {
      'no-dates': entry(xml('id', {}, 'tag:x,2026:1'), title('no dates')),
      'bad-date': entry(title('bad'), xml('published', {}, '2026-13-45T99:99:99Z')),
      'not-a-date': entry(title('bad'), xml('published', {}, 'yesterday, probably')),
      future: entry(title('future'), xml('published', {}, '9999-12-31T23:59:59Z')),
      'no-atom-id': entry(title('no id'), xml('published', {}, '2026-01-01T00:00:00Z')),
      categories: entry(
        title('many categories'),
        ...Array.from({ length: 10_000 }, (_, i) => xml('category', { term: `c${i}` })),
      ),
      'huge-title': entry(title('t'.repeat(1024 * 1024))),
      // C1 controls, bidi overrides, a noncharacter's neighbours: allowed in XML 1.0, so Prosody
      // passes them (C0 controls it refuses; see the next case).
      controls: entry(title('a\u0085b\u009fc\u202ed\u200be\ufeff')),
    };
    for (const [id, payload] of Object.entries(cases))
      await publisher.publish(service(), node, id, payload);
    const started = performance.now();
    const record = await syncToEnd(node);
    console.log(`odd Atom node synced in ${Math.round(performance.now() - started)} ms`);
    expect(record.syncState).toBe('completed');
    expect(record.skipped).toBeUndefined();
    expect(await ids(node)).toEqual([...Object.keys(cases), 'p0'].sort());
    const rows = await satchel.items.getItems(account, service(), node, Object.keys(cases));
    const byId = new Map(rows.map((row) => [row.itemId, row]));
    expect(byId.get('bad-date')?.parseError).toContain('is not a valid date');
    expect(byId.get('not-a-date')?.parseError).toContain('is not an RFC 3339 date');
    expect(byId.get('future')?.parseError).toContain('is in the future');
    expect(byId.get('future')!.created).toBeLessThan(Date.now() + 1000);
    const categories = byId.get('categories')!.fields.filter(([field]) => field === 'category');
    expect(categories).toHaveLength(10_000);
    expect(byId.get('controls')!.xml).toContain('\u202e');
    await stillAnswers();
  });

  it('Prosody refuses C0 control characters from a publisher (so they are injected below)', async () => {
    const vandal = await connectPeer({
      wsUrl: prosody.wsUrl,
      jid: await prosody.register('vandal', 'pw-vandal'),
      password: 'pw-vandal',
    });
    const closed = new Promise<void>((resolve) => vandal.client.on('disconnect', () => resolve()));
    const raw = vandal.client as unknown as { write(text: string): Promise<void> };
    await raw.write(
      `<iq xmlns="jabber:client" type="set" id="c0" to="${service()}"><pubsub xmlns="${NS_PUBSUB}"><publish node="healthy"><item id="c0"><entry xmlns="${NS_ATOM}"><title>a\u0001b</title></entry></item></publish></pubsub></iq>`,
    );
    await withTimeout(closed, 10_000, () => 'Prosody kept a stream that sent a C0 control');
    await vandal.stop();
    await stillAnswers();
  });

  it('stores C0 controls and a U+FFFE noncharacter that reach it anyway (injected in an answer)', async () => {
    await createBlog('controls', 2);
    rewriter.set(
      onItemsOf('controls', (items) => {
        items
          .getChildren('item')
          .find((i) => i.attrs.id === 'p1')
          ?.getChild('entry')
          ?.getChild('title')
          ?.text('a\u0001b\ufffe');
      }),
    );
    try {
      const record = await syncToEnd('controls');
      expect(record.syncState).toBe('completed');
      expect(await ids('controls')).toEqual(['p0', 'p1']);
    } finally {
      rewriter.set(undefined);
    }
    await stillAnswers();
  });

  it('refuses an answer carrying another node’s items: typed error, nothing of it stored', async () => {
    await createBlog('asked', 2);
    await createBlog('other', 2);
    const otherNode = (items: Element) => {
      items.attrs.node = 'other';
    };
    // A read the page makes (the first of a node, from the server): a typed error.
    rewriter.set(onItemsOf('asked', otherNode, { everyRead: true }));
    const read = satchel.cache.getItems(account, { service: service(), node: 'asked' });
    await expect(read).rejects.toMatchObject({ code: 'unexpected-answer' });
    expect(await ids('asked')).toEqual([]);
    // The sync's fetches: the node records the typed error, nothing of the answer is stored.
    rewriter.set(onItemsOf('asked', otherNode));
    await satchel.cache.resync(account, { service: service(), node: 'asked' });
    let record: NodeRecord;
    try {
      record = await syncToEnd('asked');
    } finally {
      rewriter.set(undefined);
    }
    expect(record.syncState).toBe('error');
    expect(record.syncError).toMatchObject({ code: 'unexpected-answer' });
    expect(await ids('asked')).toEqual([]);
    expect(await satchel.nodes.get(key('other'))).toBeUndefined();
    await stillAnswers();
    // Once the service behaves, the node syncs.
    await satchel.cache.resync(account, { service: service(), node: 'asked' });
    await expect
      .poll(async () => (await satchel.nodes.get(key('asked')))?.syncState)
      .toBe('completed');
    expect(await ids('asked')).toEqual(['p0', 'p1']);
  });

  it('keeps the first of two items with the same id in one answer, and says so on the node', async () => {
    await createBlog('dups', 3);
    rewriter.set(
      onItemsOf('dups', (items) => {
        const copy = parse(
          items
            .getChildren('item')
            .find((i) => i.attrs.id === 'p1')!
            .toString(),
        );
        copy.getChild('entry')?.getChild('title')?.text('an impostor');
        items.append(copy);
      }),
    );
    let record: NodeRecord;
    try {
      record = await syncToEnd('dups');
    } finally {
      rewriter.set(undefined);
    }
    expect(record.syncState).toBe('completed');
    expect(await ids('dups')).toEqual(['p0', 'p1', 'p2']);
    const [row] = await satchel.items.getItems(account, service(), 'dups', ['p1']);
    expect(row!.xml).not.toContain('impostor');
    expect(await satchel.items.nodeCounts(account, service(), 'dups')).toMatchObject({
      itemCount: 3,
    });
    expect(record.skipped?.latest).toEqual([
      expect.objectContaining({ itemId: 'p1', reason: 'the same id twice in one answer' }),
    ]);
  });

  it('skips an item without an id in an answer', async () => {
    await createBlog('anonymous', 3);
    rewriter.set(
      onItemsOf('anonymous', (items) => {
        const item = items.getChildren('item').find((i) => i.attrs.id === 'p2');
        if (item) delete item.attrs.id;
      }),
    );
    let record: NodeRecord;
    try {
      record = await syncToEnd('anonymous');
    } finally {
      rewriter.set(undefined);
    }
    expect(record.syncState).toBe('completed');
    expect(await ids('anonymous')).toEqual(['p0', 'p1']);
    expect(record.skipped?.latest[0]?.reason).toBe('an item without an id (XEP-0060 §7.1.2)');
  });

  it('an error with an unknown condition is a typed remote-error on the node', async () => {
    await createBlog('refused', 2);
    rewriter.set((request, answer) =>
      request.getChild('pubsub', NS_PUBSUB)?.getChild('items')?.attrs.node === 'refused' &&
      request.getChild('pubsub', NS_PUBSUB)!.getChild('items')!.getChildren('item').length > 0
        ? parse(
            `<iq xmlns="jabber:client" type="error" id="${answer.attrs.id}" from="${service()}"><error type="cancel"><made-up-condition xmlns="urn:ietf:params:xml:ns:xmpp-stanzas"/><text xmlns="urn:ietf:params:xml:ns:xmpp-stanzas">no</text></error></iq>`,
          )
        : answer,
    );
    let record: NodeRecord;
    try {
      record = await syncToEnd('refused');
    } finally {
      rewriter.set(undefined);
    }
    expect(record.syncState).toBe('error');
    expect(record.syncError?.code).toBe('remote-error');
    expect(record.syncError?.message).toContain('made-up-condition: no');
    await stillAnswers();
  });

  /** Publishes to `healthy` and waits for the event to be stored: events are applied in order,
   * so whatever arrived before it has been dealt with. */
  async function afterEventsSettle(id: string): Promise<void> {
    await publisher.publish(service(), 'healthy', id, atomEntry(id));
    await expect.poll(async () => (await ids('healthy')).includes(id)).toBe(true);
    await publisher.retract(service(), 'healthy', id);
    await expect.poll(async () => (await ids('healthy')).includes(id)).toBe(false);
  }

  it('ignores a pubsub event for a node it does not follow', async () => {
    await syncToEnd('healthy');
    await createBlog('unfollowed', 0);
    // The account is subscribed on the server, behind the cache's back.
    await satchel.live.iqCaller.request(
      xml(
        'iq',
        { type: 'set', to: service() },
        xml('pubsub', { xmlns: NS_PUBSUB }, xml('subscribe', { node: 'unfollowed', jid: account })),
      ),
    );
    const arrived = new Promise<void>((resolve) => {
      satchel.live.client.entity.on('stanza', (stanza: Element) => {
        if (stanza.toString().includes('node="unfollowed"')) resolve();
      });
    });
    await publisher.publish(service(), 'unfollowed', 'u1', atomEntry('u1'));
    await withTimeout(arrived, 10_000, () => 'the event never came');
    await afterEventsSettle('after-unfollowed');
    expect(await satchel.nodes.get(key('unfollowed'))).toBeUndefined();
    expect(await ids('unfollowed')).toEqual([]);
  });

  it('ignores a forged event: items for a followed node sent by a JID that is not the service', async () => {
    await syncToEnd('healthy');
    const forged = xml(
      'message',
      { to: account, type: 'headline' },
      xml(
        'event',
        { xmlns: `${NS_PUBSUB}#event` },
        xml('items', { node: 'healthy' }, xml('item', { id: 'forged' }, atomEntry('forged'))),
      ),
    );
    // Also claiming to be the service in an attribute Prosody does not check.
    forged.getChild('event')!.attrs.from = service();
    await publisher.client.send(forged);
    await afterEventsSettle('after-forged');
    expect(await ids('healthy')).toEqual(['p0', 'p1', 'p2']);
  });
});
