/** Requests pending when the stream goes away fail at once with connection-lost. */
import type { Client } from '@xmpp/client-core';
import type { Element } from '@xmpp/xml';
import { EventEmitter } from 'node:events';
import parse from 'ltx/lib/parse.js';
import { expect, test } from 'vitest';
import { failOnDisconnect } from '../../../src/xmpp/failOnDisconnect';

const stanza = parse("<iq type='get' id='1'/>");

function setup() {
  const entity = new EventEmitter();
  const answers: Array<(reply: Element) => void> = [];
  const caller = failOnDisconnect(entity as unknown as Client, {
    request: () => new Promise<Element>((resolve) => answers.push(resolve)),
  });
  return { entity, answers, caller };
}

test('answers pass through while the stream lives', async () => {
  const { answers, caller } = setup();
  const asked = caller.request(stanza);
  answers[0]!(parse("<iq type='result' id='1'/>"));
  expect((await asked).attrs.type).toBe('result');
});

test('a disconnect fails what is pending and what comes after', async () => {
  const { entity, caller } = setup();
  const pending = caller.request(stanza, 30_000);
  entity.emit('disconnect');
  await expect(pending).rejects.toMatchObject({ code: 'connection-lost' });
  await expect(caller.request(stanza)).rejects.toMatchObject({ code: 'connection-lost' });
});

test('busyUntil: the deadline of a slow request (over 30 s) while it waits, 0 otherwise', async () => {
  const entity = new EventEmitter();
  const answers: Array<(reply: Element) => void> = [];
  const caller = failOnDisconnect(
    entity as unknown as Client,
    { request: () => new Promise<Element>((resolve) => answers.push(resolve)) },
    () => 1_000,
  );
  const quick = caller.request(stanza, 30_000);
  expect(caller.busyUntil()).toBe(0);
  const listing = caller.request(stanza, 120_000);
  expect(caller.busyUntil()).toBe(121_000);
  answers[0]!(parse("<iq type='result' id='1'/>"));
  answers[1]!(parse("<iq type='result' id='1'/>"));
  await Promise.all([quick, listing]);
  expect(caller.busyUntil()).toBe(0);
});
