import { describe, expect, it } from 'vitest';
import { parseXmppUri } from '../../../src/shared/parseXmppUri';

describe('parseXmppUri', () => {
  it('reads the XEP-0277 node URI with percent-encoding', () => {
    expect(parseXmppUri('xmpp:romeo@montague.lit?;node=urn%3Axmpp%3Amicroblog%3A0')).toEqual({
      jid: 'romeo@montague.lit',
      action: '',
      params: { node: 'urn:xmpp:microblog:0' },
      node: 'urn:xmpp:microblog:0',
    });
  });

  it('reads node and item, and a XEP-0147 action', () => {
    const uri = parseXmppUri(
      'xmpp:pubsub.example.org?pubsub;action=subscribe;node=news;item=a%20b',
    );
    expect(uri).toMatchObject({
      jid: 'pubsub.example.org',
      action: 'pubsub',
      node: 'news',
      item: 'a b',
    });
    expect(uri?.params.action).toBe('subscribe');
  });

  it('tolerates whitespace inside the URI (XEP-0277 reply example) and unencoded node names', () => {
    const wrapped = `xmpp:benvolio@montague.lit?;
                      node=urn%3Axmpp%3Amicroblog%3A0;
                      item=c4145006-1c53-11dd-b2d5-000bcd82471e`;
    expect(parseXmppUri(wrapped)).toMatchObject({
      jid: 'benvolio@montague.lit',
      node: 'urn:xmpp:microblog:0',
      item: 'c4145006-1c53-11dd-b2d5-000bcd82471e',
    });
    expect(parseXmppUri('xmpp:movim.eu?;node=urn:xmpp:microblog:0:comments/abc')?.node).toBe(
      'urn:xmpp:microblog:0:comments/abc',
    );
  });

  it('decodes the JID, drops a fragment, skips an authority', () => {
    expect(
      parseXmppUri('xmpp:nasty%21%23%24%25%26%27%28%29%2A%2B%2C%2D%2E%2F@example.com')?.jid,
    ).toBe("nasty!#$%&'()*+,-./@example.com");
    expect(parseXmppUri('xmpp:romeo@montague.lit#frag')).toEqual({
      jid: 'romeo@montague.lit',
      params: {},
    });
    expect(parseXmppUri('xmpp://guest@example.com/support@example.com?message')).toMatchObject({
      jid: 'support@example.com',
      action: 'message',
    });
  });

  it('keeps a malformed percent escape as written', () => {
    expect(parseXmppUri('xmpp:a@b?;node=100%;item=%E2%82%AC')).toMatchObject({
      node: '100%',
      item: '€',
    });
    expect(parseXmppUri('xmpp:a@b?;node=%ZZ%41')?.node).toBe('%ZZA');
  });

  it('keeps the first of a repeated key and a hostile __proto__ key as data', () => {
    const uri = parseXmppUri('xmpp:a@b?;node=one;node=two;__proto__=x');
    expect(uri?.node).toBe('one');
    expect(Object.getOwnPropertyNames(uri?.params)).toEqual(['node', '__proto__']);
  });

  it('returns null for other schemes and empty JIDs', () => {
    expect(parseXmppUri('https://example.org')).toBeNull();
    expect(parseXmppUri('xmpp:?;node=x')).toBeNull();
    expect(parseXmppUri('')).toBeNull();
    expect(parseXmppUri('XMPP:Romeo@Montague.lit')?.jid).toBe('Romeo@Montague.lit');
  });
});
