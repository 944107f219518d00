import parse from 'ltx/lib/parse.js';
import { describe, expect, it } from 'vitest';
import { parsePubsubEvent, type PubsubEvent } from '../../../src/pubsub/parsePubsubEvent';

const EVENT = 'http://jabber.org/protocol/pubsub#event';
const ATOM = 'http://www.w3.org/2005/Atom';
const message = (inner: string, extra = '', from = " from='pubsub.example'") =>
  parse(
    `<message${from} to='me@example/r' id='m1'><event xmlns='${EVENT}'>${inner}</event>${extra}</message>`,
  );

function events(inner: string, extra?: string): PubsubEvent[] {
  const parsed = parsePubsubEvent(message(inner, extra));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.events;
}

describe('parsePubsubEvent', () => {
  it('reads published items with payload (§7.1.2.1)', () => {
    const [event] = events(`<items node='blog'>
      <item id='a' publisher='alice@example'><entry xmlns='${ATOM}'><title>A</title></entry></item>
      <item id='b'><entry xmlns='${ATOM}'><title>B</title></entry></item></items>`);
    expect(event).toMatchObject({ kind: 'items', service: 'pubsub.example', node: 'blog' });
    if (event?.kind !== 'items') throw new Error('not items');
    expect(event.items.map((i) => i.attrs.id)).toEqual(['a', 'b']);
    expect(event.items[0]!.attrs.publisher).toBe('alice@example');
    expect(event.items[1]!.getChild('entry', ATOM)?.getChildText('title')).toBe('B');
  });

  it('reads items without payload (§7.1.2.2): the caller must fetch them', () => {
    const [event] = events("<items node='blog'><item id='a'/></items>");
    if (event?.kind !== 'items') throw new Error('not items');
    expect(event.items[0]!.getChildElements()).toEqual([]);
  });

  it('reads retractions (§7.2.2.1)', () => {
    expect(events("<items node='blog'><retract id='a'/><retract id='b'/></items>")).toEqual([
      { kind: 'retract', service: 'pubsub.example', node: 'blog', ids: ['a', 'b'] },
    ]);
  });

  it('keeps items and retractions of one message in document order', () => {
    const list = events(`<items node='blog'><item id='1'/><retract id='2'/><retract id='3'/>
      <item id='4'/></items><items node='other'><item id='5'/></items>`);
    expect(
      list.map((e) => [
        e.kind,
        e.node,
        e.kind === 'items' ? e.items.map((i) => i.attrs.id) : e.kind === 'retract' ? e.ids : [],
      ]),
    ).toEqual([
      ['items', 'blog', ['1']],
      ['retract', 'blog', ['2', '3']],
      ['items', 'blog', ['4']],
      ['items', 'other', ['5']],
    ]);
  });

  it('reads purge (§8.5.2) and delete with or without redirect (§8.4.2)', () => {
    expect(events("<purge node='blog'/>")).toEqual([
      { kind: 'purge', service: 'pubsub.example', node: 'blog' },
    ]);
    expect(
      events("<delete node='blog'><redirect uri='xmpp:pubsub.example?;node=new'/></delete>"),
    ).toEqual([
      {
        kind: 'delete',
        service: 'pubsub.example',
        node: 'blog',
        redirect: 'xmpp:pubsub.example?;node=new',
      },
    ]);
    expect(events("<delete node='blog'/>")).toEqual([
      { kind: 'delete', service: 'pubsub.example', node: 'blog' },
    ]);
  });

  it('reads configuration changes with and without the form (§8.2)', () => {
    expect(events("<configuration node='blog'/>")).toEqual([
      { kind: 'configuration', service: 'pubsub.example', node: 'blog' },
    ]);
    const [withForm] = events(`<configuration node='blog'><x xmlns='jabber:x:data' type='result'>
      <field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/pubsub#node_config</value></field>
      <field var='pubsub#max_items'><value>50</value></field>
      <field var='pubsub#title'><value>Blog</value></field></x></configuration>`);
    expect(withForm).toMatchObject({
      kind: 'configuration',
      config: { maxItems: 50, title: 'Blog' },
    });
  });

  it('reads subscription state changes (§8.8)', () => {
    expect(events("<subscription node='blog' jid='me@example' subscription='none'/>")).toEqual([
      {
        kind: 'subscription',
        service: 'pubsub.example',
        node: 'blog',
        jid: 'me@example',
        state: 'none',
      },
    ]);
    expect(
      events("<subscription node='blog' jid='me@example' subscription='subscribed' subid='9'/>")[0],
    ).toMatchObject({ state: 'subscribed', subid: '9' });
  });

  it('attaches the XEP-0203 delay stamp to every event', () => {
    const list = events(
      "<items node='blog'><item id='1'/><retract id='2'/></items>",
      "<delay xmlns='urn:xmpp:delay' from='pubsub.example' stamp='2024-05-01T10:00:00Z'/>",
    );
    for (const event of list) {
      expect(event.delay).toEqual({
        stamp: '2024-05-01T10:00:00Z',
        at: Date.UTC(2024, 4, 1, 10),
        from: 'pubsub.example',
      });
    }
    const [odd] = events("<purge node='n'/>", "<delay xmlns='urn:xmpp:delay' stamp='yesterday'/>");
    expect(odd?.delay).toEqual({ stamp: 'yesterday' });
  });

  it('reads PEP notifications from a bare JID', () => {
    const parsed = parsePubsubEvent(
      message("<purge node='urn:xmpp:microblog:0'/>", '', " from='alice@example'"),
    );
    expect(parsed).toMatchObject({ ok: true, events: [{ service: 'alice@example' }] });
  });

  it('gives no events for messages that are not pubsub events, or are errors', () => {
    expect(parsePubsubEvent(parse("<message from='a@b'><body>hi</body></message>"))).toEqual({
      ok: true,
      events: [],
    });
    const error = parse(
      `<message type='error' from='s'><event xmlns='${EVENT}'><purge node='n'/></event></message>`,
    );
    expect(parsePubsubEvent(error)).toEqual({ ok: true, events: [] });
  });

  it.each([
    ['no sender', message("<purge node='n'/>", '', '')],
    ['no node on items', message("<items><item id='1'/></items>")],
    ['no node on purge', message('<purge/>')],
    ['a retraction without id', message("<items node='n'><retract/></items>")],
    ['a subscription without jid', message("<subscription node='n' subscription='none'/>")],
    ['nothing in it', message('')],
    ['an empty <items/>', message("<items node='n'/>")],
  ])('rejects a malformed event (%s) without throwing', (_why, stanza) => {
    const parsed = parsePubsubEvent(stanza);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(/pubsub|retract|subscription/);
  });

  it('ignores event children it does not know', () => {
    expect(
      events("<collection node='c'><associate node='x'/></collection><purge node='n'/>"),
    ).toHaveLength(1);
  });
});
