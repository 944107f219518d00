import parse from 'ltx/lib/parse.js';
import { describe, expect, it } from 'vitest';
import type { MicroblogItem } from '../../../src/shared/microblogTypes';
import { parseMicroblogItem } from '../../../src/analysers/microblog/parseMicroblogItem';
import * as examples from './xep0277Examples';

const context = { service: 'romeo@montague.lit', node: 'urn:xmpp:microblog:0' };

function parseExample(xml: string) {
  const outcome = parseMicroblogItem(parse(xml), context);
  return { ...outcome, post: outcome.parsed as MicroblogItem };
}

const MAY_8_2008 = (h: number, m: number, s: number) => Date.UTC(2008, 4, 8, h, m, s);

describe('parseMicroblogItem on the XEP-0277 examples', () => {
  it('reads a published post (Publishing a Post)', () => {
    const { post, problems, created, updated, fields } = parseExample(examples.publishingPost);
    expect(problems).toEqual([]);
    expect(post.kind).toBe('entry');
    expect(post.id).toBe('tag:montague.lit,2008-05-08:posts-1cb57d9c-1c46-11dd-838c-001143d5d5db');
    // The XEP double-escapes the é: the text really is "&#233;".
    expect(post.title).toEqual({
      type: 'text',
      value: 'hanging out at the Caf&#233; Napolitano',
      text: 'hanging out at the Caf&#233; Napolitano',
    });
    expect(post.published).toEqual({
      raw: '2008-05-08T18:30:02Z',
      iso: '2008-05-08T18:30:02.000Z',
      ms: MAY_8_2008(18, 30, 2),
    });
    expect(created).toBe(MAY_8_2008(18, 30, 2));
    expect(updated).toBe(MAY_8_2008(18, 30, 2));
    expect(fields).toEqual([
      ['published', MAY_8_2008(18, 30, 2)],
      ['updated', MAY_8_2008(18, 30, 2)],
    ]);
    expect(post.authorVerified).toBeUndefined();
  });

  it('keeps an xhtml title as the markup inside the div, marked untrusted (Rich Content)', () => {
    const { post, problems } = parseExample(examples.richContentPost);
    expect(problems).toEqual([]);
    expect(post.title?.type).toBe('xhtml');
    expect(post.title?.untrustedMarkup).toBe(true);
    expect(post.title?.value.trim()).toBe(
      '<p>hanging out at the <strong>Caf&amp;#233; Napolitano</strong></p>',
    );
    expect(post.title?.text?.trim()).toBe('hanging out at the Caf&#233; Napolitano');
  });

  it('picks the web alternate link and checks the publisher (Receiving a Post)', () => {
    const { post } = parseExample(examples.receivedPost);
    expect(post.links).toHaveLength(2);
    expect(post.alternate).toBe(
      'http://montague.lit/romeo/posts/1cb57d9c-1c46-11dd-838c-001143d5d5db',
    );
    // No author element: the publisher cannot be matched to one.
    expect(post.authorVerified).toBe(false);
  });

  it('reads replies with both in-reply-to forms (Replying to a Post)', () => {
    const { post, fields, problems } = parseExample(examples.replyPost);
    expect(problems).toEqual([]);
    expect(post.authors).toEqual([
      { name: 'Benvolio Montague', uri: 'xmpp:romeo@montague.lit', jid: 'romeo@montague.lit' },
    ]);
    const ref = 'tag:montague.lit,2008-05-08:posts-1cb57d9c-1c46-11dd-838c-001143d5d5db';
    expect(post.inReplyTo).toEqual([
      {
        ref,
        type: 'application/xhtml+xml',
        href: 'http://montague.lit/romeo/posts/1cb57d9c-1c46-11dd-838c-001143d5d5db',
      },
      {
        ref,
        href: 'xmpp:romeo@montague.lit?;node=urn%3Axmpp%3Amicroblog%3A0;item=1cb57d9c-1c46-11dd-838c-001143d5d5db',
        target: {
          service: 'romeo@montague.lit',
          node: 'urn:xmpp:microblog:0',
          item: '1cb57d9c-1c46-11dd-838c-001143d5d5db',
        },
      },
    ]);
    expect(fields).toContainEqual(['in_reply_to', ref]);
    expect(fields.filter(([name]) => name === 'in_reply_to')).toHaveLength(1);
    expect(fields).toContainEqual(['author_jid', 'romeo@montague.lit']);
  });

  it('keeps the via link of a repeat and the categories (Repeating a Post, Categories)', () => {
    const { post, fields, created, updated } = parseExample(examples.repeatedPost);
    expect(post.links[0]).toEqual({
      rel: 'via',
      href: 'xmpp:romeo@montague.lit?;node=urn%3Axmpp%3Amicroblog%3A0;item=1cb57d9c-1c46-11dd-838c-001143d5d5db',
      ref: 'tag:montague.lit,2008-05-08:posts-1cb57d9c-1c46-11dd-838c-001143d5d5db',
    });
    expect(post.categories).toEqual([{ term: 'humour' }, { term: 'xmpp' }]);
    expect(fields).toContainEqual(['category', 'humour']);
    expect(fields).toContainEqual(['category', 'xmpp']);
    expect(created).toBe(MAY_8_2008(18, 30, 2));
    expect(updated).toBe(MAY_8_2008(18, 32, 2));
    // Repeated by Benvolio from Romeo's post: the author is not the publisher.
    expect(post.authorVerified).toBe(false);
  });

  it('finds the comments node of a post (Post Comments)', () => {
    const { post, problems } = parseExample(examples.postWithComments);
    expect(problems).toEqual([]);
    expect(post.comments).toEqual([
      {
        uri: 'xmpp:pubsub.montague.lit?;node=urn%3Axmpp%3Amicroblog%3A0%3Acomments%2Fdd88c9bc58886fce0049ed050df0c5f2',
        service: 'pubsub.montague.lit',
        node: 'urn:xmpp:microblog:0:comments/dd88c9bc58886fce0049ed050df0c5f2',
      },
    ]);
  });

  it('reads a comment, recording what RFC 4287 requires but the XEP omits (Adding a Comment)', () => {
    const { post, problems, created, updated } = parseExample(examples.comment);
    expect(post.title?.value).toBe('She is so pretty!');
    expect(post.authorVerified).toBe(true);
    expect(problems).toEqual(['id: missing', 'updated: missing']);
    expect(created).toBe(MAY_8_2008(18, 39, 2));
    expect(updated).toBe(MAY_8_2008(18, 39, 2));
  });

  it('reads the metadata item as a feed (Microblog Metadata)', () => {
    const { post, problems } = parseExample(examples.metadataFeed);
    expect(post.kind).toBe('feed');
    expect(post.title?.value).toBe('Romeo&apos;s Microblog');
    expect(post.authors[0]?.jid).toBe('romeo@montague.lit');
    expect(problems).toEqual([]);
  });

  it('reads the geolocation (Geotagging)', () => {
    const { post, problems } = parseExample(examples.geotaggedPost);
    expect(problems).toEqual([]);
    expect(post.geoloc).toEqual({
      lat: 48.171761,
      lon: -3.3667986,
      country: 'France',
      countrycode: 'FR',
      region: 'Brittany',
    });
    expect(post.extensions).toEqual([]);
    expect(post.comments[0]?.node).toBe(
      'urn:xmpp:microblog:0:comments/36ec6dfe61e52b1e2cdb248823520233',
    );
  });

  it('gives JSON-compatible data that survives a structured clone unchanged', () => {
    for (const xml of Object.values(examples)) {
      const { parsed } = parseMicroblogItem(parse(xml), context);
      expect(structuredClone(parsed)).toEqual(parsed);
      expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed);
    }
  });
});
