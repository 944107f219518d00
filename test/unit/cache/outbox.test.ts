/**
 * The outbox's order and retries (issue 17), with a fake server and the real store on
 * fake-indexeddb: writes go out one at a time in the order they were made, a lost answer sends
 * the same item again, a refusal keeps the write with the reason while the others go on.
 */
import { describe, expect, test } from 'vitest';
import { createOutbox, type NewWrite } from '../../../src/cache/outbox/createOutbox';
import { createOutboxStore, type StoredOutboxEntry } from '../../../src/db/outboxStore';
import { openSatchelDb } from '../../../src/db/openSatchelDb';
import type { OutboxEntryView } from '../../../src/shared/protocol';
import { SatchelError } from '../../../src/shared/SatchelError';
import { ALICE, BLOG, isolatedDb } from '../db/fixtures';

type Answer = 'ok' | SatchelError | Promise<void>;

/** A server that records what reached it and answers as the test says, in order. */
function fakeServer() {
  const received: string[] = [];
  const answers: Answer[] = [];
  return {
    received,
    answers,
    send: async (entry: StoredOutboxEntry): Promise<void> => {
      received.push(`${entry.op} ${entry.itemId}${entry.draft ? ` ${entry.draft.title}` : ''}`);
      const answer = answers.shift() ?? 'ok';
      if (answer instanceof SatchelError) throw answer;
      if (answer !== 'ok') await answer;
    },
  };
}

async function setUp(options: { online?: boolean } = {}) {
  const db = await openSatchelDb(isolatedDb());
  const store = createOutboxStore({ db });
  const server = fakeServer();
  const state = { online: options.online ?? true };
  const timers: Array<{ run: () => void; ms: number }> = [];
  const events: OutboxEntryView[][] = [];
  const work: Array<Promise<unknown>> = [];
  const deps = {
    store,
    send: server.send,
    online: () => state.online,
    emit: (_account: string, entries: OutboxEntryView[]) => events.push(entries),
    now: () => 1000,
    retryAfter: (attempts: number) => attempts * 1000,
    setTimer: (run: () => void, ms: number) => timers.push({ run, ms }),
    track: (w: Promise<unknown>) => work.push(w),
    log: () => undefined,
  };
  const outbox = createOutbox(deps);
  const settled = async () => {
    while (work.length) await Promise.allSettled(work.splice(0));
  };
  return { db, deps, store, server, state, timers, events, outbox, settled };
}

const post = (itemId: string, title = itemId): NewWrite => ({
  op: 'publish',
  service: ALICE,
  node: BLOG,
  itemId,
  payloadXml: `<entry xmlns="http://www.w3.org/2005/Atom"><title>${title}</title></entry>`,
  draft: { title, text: '', categories: [] },
});
const retract = (itemId: string): NewWrite => ({
  op: 'retract',
  service: ALICE,
  node: BLOG,
  itemId,
});

describe('the outbox', () => {
  test('offline, writes wait in the order they were made; online, they go out in it, once', async () => {
    const t = await setUp({ online: false });
    await t.outbox.write(ALICE, post('a'));
    await t.outbox.write(ALICE, post('b'));
    await t.outbox.write(ALICE, retract('old'));
    await t.settled();
    expect(t.server.received).toEqual([]);
    expect((await t.outbox.list(ALICE)).map((e) => e.itemId)).toEqual(['a', 'b', 'old']);

    t.state.online = true;
    await t.outbox.flush(ALICE);
    await t.settled();
    expect(t.server.received).toEqual(['publish a a', 'publish b b', 'retract old']);
    expect(await t.outbox.list(ALICE)).toEqual([]);
    // Flushing again sends nothing twice.
    await t.outbox.flush(ALICE);
    expect(t.server.received).toHaveLength(3);
  });

  test('a lost answer keeps the write, and the resend publishes the same item id', async () => {
    const t = await setUp({ online: false });
    await t.outbox.write(ALICE, post('a'));
    await t.outbox.write(ALICE, post('b'));
    t.state.online = true;
    t.server.answers.push(new SatchelError('timeout'));
    await t.outbox.flush(ALICE);
    await t.settled();
    // Stopped at the first: b must not overtake a.
    expect(t.server.received).toEqual(['publish a a']);
    const waiting = await t.outbox.list(ALICE);
    expect(waiting.map((e) => [e.itemId, e.state, e.attempts])).toEqual([
      ['a', 'queued', 1],
      ['b', 'queued', 0],
    ]);
    // Still online: a retry is scheduled, with the back-off of the attempts so far.
    expect(t.timers.map((x) => x.ms)).toEqual([1000]);
    t.timers[0]!.run();
    await t.settled();
    expect(t.server.received).toEqual(['publish a a', 'publish a a', 'publish b b']);
    expect(await t.outbox.list(ALICE)).toEqual([]);
  });

  test('the connection lost while sending: no timer, the next session sends it', async () => {
    const t = await setUp();
    t.server.answers.push(new SatchelError('connection-lost'));
    t.state.online = true;
    const sending = t.outbox.write(ALICE, post('a'));
    await sending;
    t.state.online = false;
    await t.settled();
    expect(t.timers).toEqual([]);
    expect((await t.outbox.list(ALICE)).map((e) => e.itemId)).toEqual(['a']);
    t.state.online = true;
    await t.outbox.flush(ALICE);
    expect(t.server.received).toEqual(['publish a a', 'publish a a']);
    expect(await t.outbox.list(ALICE)).toEqual([]);
  });

  test('a refusal stays with the reason, the writes after it go on; an edit sends it again', async () => {
    const t = await setUp({ online: false });
    await t.outbox.write(ALICE, post('big'));
    await t.outbox.write(ALICE, post('next'));
    t.state.online = true;
    t.server.answers.push(new SatchelError('bad-payload', 'not-acceptable/payload-too-big'));
    await t.outbox.flush(ALICE);
    await t.settled();
    expect(t.server.received).toEqual(['publish big big', 'publish next next']);
    const [refused, ...rest] = await t.outbox.list(ALICE);
    expect(rest).toEqual([]);
    expect(refused).toMatchObject({
      itemId: 'big',
      state: 'refused',
      error: { code: 'bad-payload', detail: 'not-acceptable/payload-too-big', at: 1000 },
    });
    expect(t.events.at(-1)?.map((e) => e.state)).toEqual(['refused']);
    // Flushing does not send a refused write again by itself.
    await t.outbox.flush(ALICE);
    expect(t.server.received).toHaveLength(2);

    // Edited: the same write (same place, same item id), queued again without the reason.
    const edited = await t.outbox.write(ALICE, post('big', 'smaller'));
    expect(edited.seq).toBe(refused!.seq);
    await t.settled();
    expect(t.server.received.at(-1)).toBe('publish big smaller');
    expect(await t.outbox.list(ALICE)).toEqual([]);
  });

  test('a refused write can be discarded', async () => {
    const t = await setUp();
    t.server.answers.push(new SatchelError('forbidden', 'not-allowed'));
    const entry = await t.outbox.write(ALICE, post('no'));
    await t.settled();
    expect((await t.outbox.list(ALICE))[0]?.state).toBe('refused');
    await t.outbox.discard(ALICE, entry.seq);
    expect(await t.outbox.list(ALICE)).toEqual([]);
    expect(t.events.at(-1)).toEqual([]);
  });

  test('an edit made while the write is being sent is sent after it, not lost', async () => {
    const t = await setUp();
    let answer = (): void => undefined;
    t.server.answers.push(new Promise<void>((resolve) => (answer = resolve)));
    await t.outbox.write(ALICE, post('a', 'first'));
    await expect.poll(() => t.server.received).toEqual(['publish a first']);
    await t.outbox.write(ALICE, post('a', 'second'));
    answer();
    await t.settled();
    expect(t.server.received).toEqual(['publish a first', 'publish a second']);
    expect(await t.outbox.list(ALICE)).toEqual([]);
  });

  test('a retract drops the unsent publishes of its item and is sent after the one in flight', async () => {
    const t = await setUp({ online: false });
    await t.outbox.write(ALICE, post('a'));
    await t.outbox.write(ALICE, post('b'));
    await t.outbox.write(ALICE, retract('b'));
    expect((await t.outbox.list(ALICE)).map((e) => `${e.op} ${e.itemId}`)).toEqual([
      'publish a',
      'retract b',
    ]);
    t.state.online = true;
    // A retract of an item the server never had is what the reader wanted: sendOutboxEntry
    // treats item-not-found as done; here the fake answers ok.
    await t.outbox.flush(ALICE);
    expect(t.server.received).toEqual(['publish a a', 'retract b']);
  });

  test('writes survive a restart: a new outbox on the same database sends them', async () => {
    const t = await setUp({ online: false });
    await t.outbox.write(ALICE, post('a'));
    await t.outbox.write(ALICE, post('b'));
    await t.settled();
    const restarted = createOutbox({ ...t.deps, online: () => true });
    await restarted.flush(ALICE);
    expect(t.server.received).toEqual(['publish a a', 'publish b b']);
  });

  test('writes of another account are neither listed nor sent', async () => {
    const t = await setUp({ online: false });
    await t.outbox.write('bob@example.org', post('bob'));
    await t.outbox.write(ALICE, post('a'));
    t.state.online = true;
    await t.outbox.flush(ALICE);
    expect(t.server.received).toEqual(['publish a a']);
    expect((await t.outbox.list('bob@example.org')).map((e) => e.itemId)).toEqual(['bob']);
  });
});
