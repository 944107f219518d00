/** An <r/> is answered only once the count it acknowledges is saved (XEP-0198 §4). */
import type { Client } from '@xmpp/client-core';
import type { MiddlewareApi } from '@xmpp/middleware';
import type { StreamManagementApi } from '@xmpp/stream-management';
import type { Element } from '@xmpp/xml';
import parse from 'ltx/lib/parse.js';
import { expect, test } from 'vitest';
import { persistBeforeAck } from '../../../src/xmpp/persistBeforeAck';

type Handler = (context: { stanza: Element }, next: () => Promise<void>) => Promise<void>;

function setup() {
  const handlers: Handler[] = [];
  const sent: string[] = [];
  const entity = { send: (el: Element) => Promise.resolve(void sent.push(el.toString())) };
  const middleware = { use: (fn: Handler) => void handlers.push(fn) };
  const sm = { inbound: 7 };
  const hooks = persistBeforeAck(
    entity as unknown as Client,
    middleware as unknown as MiddlewareApi,
    () => sm as unknown as StreamManagementApi,
  );
  const deliver = (xml: string, next: () => Promise<void>) =>
    handlers[0]!({ stanza: parse(xml) }, next);
  return { hooks, sent, sm, deliver };
}

test('the <a/> waits for the save of the count it carries, and the library never sees the <r/>', async () => {
  const { hooks, sent, deliver } = setup();
  let release!: () => void;
  const saved: number[] = [];
  hooks.persist = (h) =>
    new Promise((resolve) => {
      saved.push(h);
      release = resolve;
    });
  let passedOn = false;
  const handled = deliver("<r xmlns='urn:xmpp:sm:3'/>", () => {
    passedOn = true;
    return Promise.resolve();
  });
  await Promise.resolve();
  expect(saved).toEqual([7]);
  expect(sent).toEqual([]);
  release();
  await handled;
  expect(sent).toEqual(['<a xmlns="urn:xmpp:sm:3" h="7"/>']);
  expect(passedOn).toBe(false);
});

test('other stanzas, and <r/> before anything is tracked, pass on to the library', async () => {
  const { sent, deliver } = setup();
  const seen: string[] = [];
  const next = (name: string) => () => Promise.resolve(void seen.push(name));
  await deliver("<r xmlns='urn:xmpp:sm:3'/>", next('r'));
  await deliver("<message id='1'/>", next('message'));
  expect(seen).toEqual(['r', 'message']);
  expect(sent).toEqual([]);
});
