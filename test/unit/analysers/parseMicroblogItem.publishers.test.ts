import parse from 'ltx/lib/parse.js';
import { describe, expect, it } from 'vitest';
import type { MicroblogItem } from '../../../src/shared/microblogTypes';
import { parseMicroblogItem } from '../../../src/analysers/microblog/parseMicroblogItem';

const context = { service: 'pubsub.example.org', node: 'urn:xmpp:microblog:0' };
const ATOM = "xmlns='http://www.w3.org/2005/Atom'";

function parseItemXml(xml: string) {
  const outcome = parseMicroblogItem(parse(xml), context);
  return { ...outcome, post: outcome.parsed as MicroblogItem };
}

function item(entry: string, attrs = "id='1'"): string {
  return `<item xmlns='http://jabber.org/protocol/pubsub' ${attrs}>${entry}</item>`;
}

describe('parseMicroblogItem on publishers’ styles', () => {
  it('reads a Movim-style post: xhtml content, alternates, enclosure, unencoded comments URI', () => {
    const { post, problems, fields } = parseItemXml(
      item(
        `<entry xmlns="http://www.w3.org/2005/Atom">
          <title>Trip to Brittany</title>
          <author><name>edhelas</name><uri>xmpp:edhelas@movim.eu</uri></author>
          <link rel="alternate" href="xmpp:edhelas@movim.eu?;node=urn:xmpp:microblog:0;item=trip-abc1"/>
          <link rel="alternate" type="text/html" href="https://mov.im/node/edhelas@movim.eu/urn:xmpp:microblog:0/trip-abc1"/>
          <link rel="replies" title="comments" href="xmpp:pubsub.movim.eu?;node=urn:xmpp:microblog:0:comments/trip-abc1"/>
          <link rel="enclosure" type="image/jpeg" title="beach.jpg" length="482113" href="https://upload.movim.eu/beach.jpg"/>
          <link rel="related" href="https://example.com/article" title="An article"/>
          <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Sea<br/>and <a href="https://example.com">sand</a></p><p/><img src="https://upload.movim.eu/beach.jpg" alt="beach"/></div></content>
          <category term="travel"/>
          <published>2024-07-14T09:12:33.123+02:00</published>
          <updated>2024-07-14T09:15:00+02:00</updated>
          <id>xmpp:edhelas@movim.eu?;node=urn:xmpp:microblog:0;item=trip-abc1</id>
        </entry>`,
        "id='trip-abc1' publisher='edhelas@movim.eu'",
      ),
    );
    expect(problems).toEqual([]);
    expect(post.content).toEqual({
      type: 'xhtml',
      value:
        '<p>Sea<br/>and <a href="https://example.com">sand</a></p><p></p><img src="https://upload.movim.eu/beach.jpg" alt="beach"/>',
      text: 'Seaand sand',
      untrustedMarkup: true,
    });
    expect(post.alternate).toBe(
      'https://mov.im/node/edhelas@movim.eu/urn:xmpp:microblog:0/trip-abc1',
    );
    expect(post.comments).toEqual([
      {
        uri: 'xmpp:pubsub.movim.eu?;node=urn:xmpp:microblog:0:comments/trip-abc1',
        service: 'pubsub.movim.eu',
        node: 'urn:xmpp:microblog:0:comments/trip-abc1',
      },
    ]);
    expect(post.enclosures).toEqual([
      {
        href: 'https://upload.movim.eu/beach.jpg',
        type: 'image/jpeg',
        length: 482113,
        title: 'beach.jpg',
      },
    ]);
    expect(post.published?.ms).toBe(Date.UTC(2024, 6, 14, 7, 12, 33, 123));
    expect(post.authorVerified).toBe(true);
    expect(fields).toEqual([
      ['author_jid', 'edhelas@movim.eu'],
      ['category', 'travel'],
      ['published', Date.UTC(2024, 6, 14, 7, 12, 33, 123)],
      ['updated', Date.UTC(2024, 6, 14, 7, 15, 0)],
    ]);
  });

  it('reads a Libervia-style post: text and xhtml variants side by side, xml:lang', () => {
    const { post, problems } = parseItemXml(
      item(`<entry xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
        <title type="text">Bonjour</title>
        <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><em>Bonjour</em></div></title>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Le <strong>café</strong></p></div></content>
        <content>Le café</content>
        <published>2023-01-15T10:20:30Z</published>
        <updated>2023-01-15T10:20:30Z</updated>
        <author><name>louise</name><uri>xmpp:Louise@Example.org</uri><email>louise@example.org</email></author>
        <link href="xmpp:pubsub.example.org?;node=urn%3Axmpp%3Amicroblog%3A0%3Acomments%2Fabc__def" rel="replies" title="comments"/>
        <link href="xmpp:louise@example.org?;node=urn%3Axmpp%3Amicroblog%3A0;item=abc" rel="self"/>
        <category term="libervia" label="Libervia" scheme="https://libervia.org/tags"/>
        <id>xmpp:louise@example.org?;node=urn%3Axmpp%3Amicroblog%3A0;item=abc</id>
      </entry>`),
    );
    expect(problems).toEqual([]);
    expect(post.lang).toBe('fr');
    expect(post.titles.map((title) => title.type)).toEqual(['text', 'xhtml']);
    expect(post.title?.value).toBe('<em>Bonjour</em>');
    expect(post.contents).toHaveLength(2);
    expect(post.content?.value).toBe('<p>Le <strong>café</strong></p>');
    expect(post.contents[1]).toEqual({ type: 'text', value: 'Le café', text: 'Le café' });
    expect(post.authors).toEqual([
      {
        name: 'louise',
        uri: 'xmpp:Louise@Example.org',
        jid: 'louise@example.org',
        email: 'louise@example.org',
      },
    ]);
    expect(post.categories).toEqual([
      { term: 'libervia', label: 'Libervia', scheme: 'https://libervia.org/tags' },
    ]);
    expect(post.comments[0]?.node).toBe('urn:xmpp:microblog:0:comments/abc__def');
    expect(post.alternate).toBeUndefined();
  });

  it('reads a minimal entry with only an id', () => {
    const { post, problems, fields, created, updated } = parseItemXml(
      item(`<entry ${ATOM}><id>urn:uuid:1</id></entry>`),
    );
    expect(post.id).toBe('urn:uuid:1');
    expect(post.title).toBeUndefined();
    expect(problems).toEqual(['title: missing', 'updated: missing']);
    expect(fields).toEqual([]);
    expect(created).toBeUndefined();
    expect(updated).toBeUndefined();
  });

  it('reads an entry with no id and an empty one', () => {
    expect(
      parseItemXml(
        item(`<entry ${ATOM}><title>t</title><updated>2020-01-01T00:00:00Z</updated></entry>`),
      ).problems,
    ).toEqual(['id: missing']);
    const empty = parseItemXml(
      item(
        `<entry ${ATOM}><id> </id><title>t</title><updated>2020-01-01T00:00:00Z</updated></entry>`,
      ),
    );
    expect(empty.post.id).toBeUndefined();
    expect(empty.problems).toEqual(['id: empty', 'id: missing']);
  });

  it('keeps non-Latin text (CJK, Arabic, emoji) intact and indexes it', () => {
    const { post, fields, problems } = parseItemXml(
      item(`<entry ${ATOM}><id>x</id><updated>2020-01-01T00:00:00Z</updated>
        <title>東京で花見 🌸</title>
        <content xml:lang="ar">مرحبا بالعالم 👋🏽 — نص عربي</content>
        <author><name>山田 太郎</name><uri>xmpp:%E5%A4%AA%E9%83%8E@example.jp</uri></author>
        <category term="花見"/><category term="👨‍👩‍👧"/>
      </entry>`),
    );
    expect(problems).toEqual([]);
    expect(post.title?.value).toBe('東京で花見 🌸');
    expect(post.content).toEqual({
      type: 'text',
      value: 'مرحبا بالعالم 👋🏽 — نص عربي',
      text: 'مرحبا بالعالم 👋🏽 — نص عربي',
      lang: 'ar',
    });
    expect(post.authors[0]).toMatchObject({ name: '山田 太郎', jid: '太郎@example.jp' });
    expect(fields).toEqual([
      ['author_jid', '太郎@example.jp'],
      ['category', '花見'],
      ['category', '👨‍👩‍👧'],
      ['updated', Date.UTC(2020, 0, 1)],
    ]);
  });
});
