import parse from 'ltx/lib/parse.js';
import { describe, expect, it } from 'vitest';
import type { MicroblogItem } from '../../../src/shared/microblogTypes';
import { parseMicroblogItem } from '../../../src/analysers/microblog/parseMicroblogItem';

const context = { service: 'pubsub.example.org', node: 'urn:xmpp:microblog:0' };
const ATOM = "xmlns='http://www.w3.org/2005/Atom'";

function item(entry: string): string {
  return `<item xmlns='http://jabber.org/protocol/pubsub' id='1'>${entry}</item>`;
}

function contentOf(xml: string) {
  return (parseMicroblogItem(parse(xml), context).parsed as MicroblogItem).content;
}

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
    const content = contentOf(xml);
    expect(content?.text).toBe('deep');
    expect(content?.value.length).toBe(depth * '<span></span>'.length + 4);
  });
});
