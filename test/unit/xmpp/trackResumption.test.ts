/** What a lost stream leaves saved for the next connection to resume (XEP-0198 §5). */
import { EventEmitter } from 'node:events';
import { expect, test } from 'vitest';
import type { ResumptionRecord } from '../../../src/shared/records';
import type { LiveSession } from '../../../src/xmpp/connectOnce';
import type { SessionPersistence } from '../../../src/xmpp/SessionPersistence';
import { trackResumption } from '../../../src/xmpp/trackResumption';

function setup() {
  const entity = new EventEmitter();
  const sm = { enabled: true, id: 'sm-1', inbound: 0, max: '600' };
  // As @xmpp/stream-management 0.14: its own listener, registered first, runs first.
  entity.on('disconnect', () => (sm.enabled = false));
  const saved: (ResumptionRecord | 'deleted')[] = [];
  const persistence = {
    saveResumption: (record: ResumptionRecord) => Promise.resolve(void saved.push(record)),
    deleteResumption: () => Promise.resolve(void saved.push('deleted')),
  } as unknown as SessionPersistence;
  const session = {
    client: { entity, streamManagement: sm, ackPersistence: {} },
    boundJid: 'reader@localhost/satchel-1',
  } as unknown as LiveSession;
  const tracked = trackResumption({
    session,
    account: 'reader@localhost',
    persistence,
    now: () => 1_000,
    log: () => undefined,
  });
  return { entity, sm, saved, tracked };
}

test('a stream that broke stays resumable with the count of what was handled', async () => {
  const { entity, sm, saved, tracked } = setup();
  await tracked;
  sm.inbound = 5;
  // A browser failing the WebSocket (RFC 6455 §7.1.7) closes it uncleanly.
  entity.emit('disconnect', { clean: false });
  await Promise.resolve();
  expect(saved.at(-1)).toMatchObject({ smId: 'sm-1', inbound: 5, maxSeconds: 600 });
});

test('a stream closed cleanly is over: its resumption is forgotten', async () => {
  const { entity, saved, tracked } = setup();
  await tracked;
  entity.emit('disconnect', { clean: true });
  await Promise.resolve();
  expect(saved.at(-1)).toBe('deleted');
});

test('a stream whose resumption the server refused (no id left) is forgotten', async () => {
  const { entity, sm, saved, tracked } = setup();
  await tracked;
  sm.id = '';
  entity.emit('disconnect', { clean: false });
  await Promise.resolve();
  expect(saved.at(-1)).toBe('deleted');
});
