import parse from 'ltx/lib/parse.js';
import { describe, expect, it } from 'vitest';
import { createAnalyserRegistry } from '../../../src/analysers/analyserRegistry';
import { registerBuiltinAnalysers } from '../../../src/analysers/builtinAnalysers';
import { microblogAnalyser } from '../../../src/analysers/microblog/microblogAnalyser';
import { parseItem } from '../../../src/analysers/parseItem';
import { replyPost } from './xep0277Examples';

function builtinRegistry() {
  const registry = createAnalyserRegistry({ onError: () => undefined });
  registerBuiltinAnalysers(registry);
  return registry;
}

const atomEntry = parse("<entry xmlns='http://www.w3.org/2005/Atom'/>");
const service = 'pubsub.example.org';

describe('the microblog analyser', () => {
  it('is the only built-in analyser', () => {
    expect(builtinRegistry().list()).toEqual([microblogAnalyser]);
  });

  it('recognises the XEP-0277 node by name, with or without items', () => {
    expect(
      builtinRegistry().analyse({ service: 'romeo@montague.lit', node: 'urn:xmpp:microblog:0' }),
    ).toEqual({
      analyser: 'microblog',
      type: 'blog',
      toSync: true,
    });
  });

  it('gives comment nodes the comment subtype (XEP-0277 Comments)', () => {
    const registry = builtinRegistry();
    expect(
      registry.analyse({
        service,
        node: 'urn:xmpp:microblog:0:comments/dd88c9bc58886fce0049ed050df0c5f2',
      }),
    ).toEqual({ analyser: 'microblog', type: 'blog', subtype: 'comment', toSync: true });
    expect(
      registry.analyse({
        service,
        node: 'urn:xmpp:microblog:0:comments/x',
        firstPayload: atomEntry,
      })?.subtype,
    ).toBe('comment');
  });

  it('recognises any node whose items are Atom entries', () => {
    expect(builtinRegistry().analyse({ service, node: 'news', firstPayload: atomEntry })).toEqual({
      analyser: 'microblog',
      type: 'blog',
      toSync: true,
    });
  });

  it('leaves other nodes unrecognised, hence never synced', () => {
    const registry = builtinRegistry();
    expect(registry.analyse({ service, node: 'news' })).toBeNull();
    expect(
      registry.analyse({
        service,
        node: 'urn:xmpp:avatar:data',
        firstPayload: parse("<data xmlns='urn:xmpp:avatar:data'>AAAA</data>"),
      }),
    ).toBeNull();
  });

  it('parses items through parseItem with only declared, indexable fields', () => {
    const outcome = parseItem(microblogAnalyser, parse(replyPost), {
      service: 'benvolio@montague.lit',
      node: 'urn:xmpp:microblog:0',
    });
    expect(outcome.problems).toEqual([]);
    expect(outcome.fields).toEqual([
      ['author_jid', 'romeo@montague.lit'],
      ['published', Date.UTC(2008, 4, 8, 18, 31, 21)],
      ['updated', Date.UTC(2008, 4, 8, 18, 31, 21)],
      ['in_reply_to', 'tag:montague.lit,2008-05-08:posts-1cb57d9c-1c46-11dd-838c-001143d5d5db'],
    ]);
    for (const [field] of outcome.fields) expect(microblogAnalyser.indexedFields).toContain(field);
  });
});

describe('its time fields', () => {
  // Search bounds created/updated by conditions on these fields (impliedTimeBounds.ts): the
  // declaration holds only if the parser copies each field into the time whenever present.
  const entries = [
    ['both', '<published>2008-05-08T18:30:02Z</published><updated>2009-01-01T00:00:00Z</updated>'],
    ['published only', '<published>2008-05-08T18:30:02+02:00</published>'],
    ['updated only', '<updated>2010-02-03T04:05:06Z</updated>'],
    [
      'malformed published',
      '<published>yesterday</published><updated>2010-02-03T04:05:06Z</updated>',
    ],
    ['none', ''],
  ] as const;

  it.each(entries)('match created and updated: %s', (_name, dates) => {
    const item = parse(
      `<item id='x'><entry xmlns='http://www.w3.org/2005/Atom'><title>t</title>${dates}</entry></item>`,
    );
    const outcome = parseItem(microblogAnalyser, item, { service, node: 'urn:xmpp:microblog:0' });
    const { created: createdField, updated: updatedField } = microblogAnalyser.timeFields ?? {};
    const value = (name: string | undefined) => outcome.fields.find(([f]) => f === name)?.[1];
    if (value(createdField) !== undefined) expect(outcome.created).toBe(value(createdField));
    if (value(updatedField) !== undefined) expect(outcome.updated).toBe(value(updatedField));
    expect(createdField).toBe('published');
    expect(updatedField).toBe('updated');
  });
});
