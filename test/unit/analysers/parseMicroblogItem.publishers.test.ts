import parse from 'ltx/lib/parse.js';
import { describe, expect, it } from 'vitest';
import type { MicroblogItem } from '../../../src/analysers/microblog/atomTypes';
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

  it('records bad dates as problems and gives no time for them', () => {
    const { post, problems, fields, created, updated } = parseItemXml(
      item(`<entry ${ATOM}><id>x</id><title>t</title>
        <published>yesterday</published><updated>2023-02-30T10:00:00Z</updated></entry>`),
    );
    expect(post.published).toEqual({ raw: 'yesterday' });
    expect(post.updated).toEqual({ raw: '2023-02-30T10:00:00Z' });
    expect(problems).toEqual([
      'published: "yesterday" is not an RFC 3339 date',
      'updated: "2023-02-30T10:00:00Z" is not a valid date',
    ]);
    expect(fields).toEqual([]);
    expect(created).toBeUndefined();
    expect(updated).toBeUndefined();
  });

  it('reads unknown, upper-case and media content types without losing the content', () => {
    const { post, problems } = parseItemXml(
      item(`<entry ${ATOM}><id>x</id><title type="markdown">**t**</title><updated>2020-01-01T00:00:00Z</updated>
        <content type="HTML">&lt;p&gt;hi&lt;/p&gt;</content>
        <content type="text/plain">plain</content>
        <content type="image/png">iVBORw0K
          GgoAAAAN</content>
        <content type="application/atom+xml"><feed xmlns="http://www.w3.org/2005/Atom"/></content>
        <content type="video/mp4" src="https://example.org/v.mp4"/>
        <content type="text" src="https://example.org/x"/>
      </entry>`),
    );
    expect(post.title).toEqual({ type: 'text', value: '**t**', text: '**t**' });
    expect(post.contents).toEqual([
      { type: 'html', value: '<p>hi</p>', untrustedMarkup: true },
      { type: 'other', mediaType: 'text/plain', encoding: 'text', value: 'plain' },
      { type: 'other', mediaType: 'image/png', encoding: 'base64', value: 'iVBORw0KGgoAAAAN' },
      { type: 'other', mediaType: 'application/atom+xml', encoding: 'xml', value: '<feed></feed>' },
      { type: 'other', mediaType: 'video/mp4', value: '', src: 'https://example.org/v.mp4' },
      { type: 'text', value: '', text: '' },
    ]);
    expect(post.content?.type).toBe('html');
    expect(problems).toEqual([
      'title: unknown type "markdown"; read as text',
      'content: src is only allowed with a media type; ignored',
    ]);
  });

  it('keeps escaped html as the untrusted string it is, scripts included', () => {
    const { post } = parseItemXml(
      item(`<entry ${ATOM}><id>x</id><title>t</title><updated>2020-01-01T00:00:00Z</updated>
        <content type="html">&lt;img src=x onerror="alert(1)"&gt;&lt;script&gt;alert(2)&lt;/script&gt;</content>
      </entry>`),
    );
    expect(post.content).toEqual({
      type: 'html',
      value: '<img src=x onerror="alert(1)"><script>alert(2)</script>',
      untrustedMarkup: true,
    });
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

  it('records malformed parts and keeps everything else', () => {
    const { post, problems } = parseItemXml(
      item(`<entry ${ATOM} xmlns:thr="http://purl.org/syndication/thread/1.0"><id>x</id><id>y</id>
        <title>t</title><updated>2020-01-01T00:00:00Z</updated>
        <author><uri>xmpp:?;node=x</uri></author>
        <link rel="enclosure" length="big" href="https://example.org/a.ogg"/>
        <link rel="replies" href="xmpp:pubsub.example.org"/>
        <link title="no href"/>
        <category/>
        <thr:in-reply-to href="https://example.org/p"/>
        <geoloc xmlns="http://jabber.org/protocol/geoloc"><lat>north</lat></geoloc>
        <x xmlns="urn:example:ext">kept in the raw XML</x>
      </entry>`),
    );
    expect(post.id).toBe('x');
    expect(post.authors).toEqual([{ uri: 'xmpp:?;node=x' }]);
    expect(post.enclosures).toEqual([{ href: 'https://example.org/a.ogg' }]);
    expect(post.links).toHaveLength(3);
    expect(post.categories).toEqual([{ term: '' }]);
    expect(post.inReplyTo).toEqual([{ ref: '', href: 'https://example.org/p' }]);
    expect(post.geoloc).toEqual({ lat: 'north' });
    expect(post.extensions).toEqual(['{urn:example:ext}x']);
    expect(problems).toEqual([
      'id: repeated; the first is kept',
      'author: uri "xmpp:?;node=x" is not a usable XMPP URI',
      'author: no name',
      'link enclosure: length "big" is not a number; ignored',
      'link alternate: no href',
      'category: no term',
      'in-reply-to: no ref',
      'geoloc lat: "north" is not a number; kept as text',
      'link replies: "xmpp:pubsub.example.org" names no node',
    ]);
  });

  it('reads an entry published without the Atom namespace, and other payloads, with problems', () => {
    // Without xmlns the entry inherits the pubsub namespace of <item/>.
    const bare = parseItemXml(
      item('<entry><id>x</id><title>t</title><updated>2020-01-01T00:00:00Z</updated></entry>'),
    );
    expect(bare.post.title?.value).toBe('t');
    expect(bare.post.updated?.ms).toBe(Date.UTC(2020, 0, 1));
    expect(bare.problems).toEqual([
      'payload is in namespace "http://jabber.org/protocol/pubsub", not Atom',
    ]);
    const tune = parseItemXml(item("<tune xmlns='http://jabber.org/protocol/tune'/>"));
    expect(tune.problems).toContain('payload is <tune>, not an Atom entry; read as one');
    const empty = parseMicroblogItem(parse(item('')), context);
    expect(empty).toEqual({ parsed: null, fields: [], problems: ['item has no payload'] });
  });

  it('tolerates xhtml without a wrapping div, and html with raw child elements', () => {
    const { post, problems } = parseItemXml(
      item(`<entry ${ATOM}><id>x</id><title>t</title><updated>2020-01-01T00:00:00Z</updated>
        <content type="xhtml"><p xmlns="http://www.w3.org/1999/xhtml">a</p><p xmlns="http://www.w3.org/1999/xhtml">b</p></content>
        <summary type="html"><b>bold</b></summary>
        <rights type="xhtml">(c) <div xmlns="http://www.w3.org/1999/xhtml">me</div></rights>
      </entry>`),
    );
    expect(post.content?.value).toBe('<p>a</p><p>b</p>');
    expect(post.summary).toEqual({ type: 'html', value: '<b>bold</b>', untrustedMarkup: true });
    expect(post.rights?.value).toBe('(c) <div>me</div>');
    expect(problems).toEqual([
      'content: xhtml without a single wrapping div; kept as it is',
      'summary: html with unescaped child elements; serialized as markup',
      'rights: xhtml without a single wrapping div; kept as it is',
    ]);
  });

  it('serializes prefixed XHTML as plain HTML names and escapes text and attributes', () => {
    const { post } = parseItemXml(
      item(`<entry ${ATOM} xmlns:h="http://www.w3.org/1999/xhtml"><id>x</id><title>t</title><updated>2020-01-01T00:00:00Z</updated>
        <content type="xhtml"><h:div><h:p title="a &quot;q&quot; &amp; b">1 &lt; 2 &amp; 3</h:p></h:div></content>
      </entry>`),
    );
    expect(post.content?.value).toBe('<p title="a &quot;q&quot; &amp; b">1 &lt; 2 &amp; 3</p>');
    expect(post.content?.text).toBe('1 < 2 & 3');
  });
});

describe('parseMicroblogItem on huge and hostile content', () => {
  it('parses 1 MB of text content in reasonable time', () => {
    const text = 'Lorem ipsum dolor sit amet, 東京 مرحبا 🌸 & <more>. '.repeat(20_000);
    const xml = item(
      `<entry ${ATOM}><id>x</id><title>big</title><updated>2020-01-01T00:00:00Z</updated><content>${text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')}</content></entry>`,
    );
    expect(xml.length).toBeGreaterThan(1_000_000);
    const element = parse(xml);
    const start = performance.now();
    const { parsed, problems } = parseMicroblogItem(element, context);
    expect(performance.now() - start).toBeLessThan(2_000);
    expect(problems).toEqual([]);
    expect((parsed as MicroblogItem).content?.value).toBe(text);
  });

  it('parses 1 MB of xhtml content (20,000 paragraphs) in reasonable time', () => {
    const paragraphs =
      '<p>Paragraph with <em>emphasis</em> and <a href="https://x.example/">a link</a>.</p>'.repeat(
        13_000,
      );
    const xml = item(
      `<entry ${ATOM}><id>x</id><title>big</title><updated>2020-01-01T00:00:00Z</updated><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${paragraphs}</div></content></entry>`,
    );
    expect(xml.length).toBeGreaterThan(1_000_000);
    const element = parse(xml);
    const start = performance.now();
    const { parsed } = parseMicroblogItem(element, context);
    expect(performance.now() - start).toBeLessThan(2_000);
    expect((parsed as MicroblogItem).content?.value).toBe(paragraphs);
  });

  it('survives deeply nested xhtml without overflowing the stack', () => {
    const depth = 50_000;
    const xml = item(
      `<entry ${ATOM}><id>x</id><title>deep</title><updated>2020-01-01T00:00:00Z</updated><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${'<span>'.repeat(depth)}deep${'</span>'.repeat(depth)}</div></content></entry>`,
    );
    const { post } = parseItemXml(xml);
    expect(post.content?.text).toBe('deep');
    expect(post.content?.value.length).toBe(depth * '<span></span>'.length + 4);
  });
});
