import type { Element } from '@xmpp/xml';
import parse from 'ltx/lib/parse.js';
import type { IqCaller } from '../../../src/pubsub/IqCaller';

/** What a fake service does with one request: answer (XML or element), or throw. */
export type FakeHandler = (stanza: Element) => string | Element | Promise<string | Element>;

export interface FakeIq {
  iq: IqCaller;
  /** Every stanza sent, in order. */
  sent: Element[];
  /** The timeout each request was given. */
  timeouts: (number | undefined)[];
}

/** An IqCaller that hands every request to `handler`, as a test's stand-in for a server. */
export function fakeIq(handler: FakeHandler): FakeIq {
  const sent: Element[] = [];
  const timeouts: (number | undefined)[] = [];
  return {
    sent,
    timeouts,
    iq: {
      async request(stanza, timeoutMs) {
        sent.push(stanza);
        timeouts.push(timeoutMs);
        const reply = await handler(stanza);
        return typeof reply === 'string' ? parse(reply) : reply;
      },
    },
  };
}

/** A fake that answers requests in turn with the given replies (the last one repeats). */
export function scriptedIq(...replies: (string | Error)[]): FakeIq {
  let index = 0;
  return fakeIq(() => {
    const reply = replies[Math.min(index++, replies.length - 1)];
    if (reply instanceof Error || reply === undefined) throw reply ?? new Error('no reply');
    return reply;
  });
}

/** `<iq type='result'>inner</iq>`. */
export function result(inner = ''): string {
  return `<iq type='result' id='x'>${inner}</iq>`;
}

/** `<iq type='error'>` with a stanza condition, optional pubsub#errors condition and text. */
export function errorIq(
  condition: string,
  options: { type?: string; application?: string; text?: string } = {},
): string {
  const text = options.text
    ? `<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>${options.text}</text>`
    : '';
  return (
    `<iq type='error' id='x'><error type='${options.type ?? 'cancel'}'>` +
    `<${condition} xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>${text}` +
    `${options.application ?? ''}</error></iq>`
  );
}

/** Attributes sorted, whitespace-only text dropped: compare stanzas by what they say. */
export function canonical(element: Element | string): string {
  const root = typeof element === 'string' ? parse(element) : element;
  const attrs = Object.entries(root.attrs)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => ` ${name}="${value}"`)
    .join('');
  const children = root.children
    .map((child) => (typeof child === 'string' ? child.trim() : canonical(child)))
    .join('');
  return `<${root.name}${attrs}>${children}</${root.name}>`;
}
