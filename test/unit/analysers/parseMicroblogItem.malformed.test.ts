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

describe('parseMicroblogItem on odd and malformed entries', () => {
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
