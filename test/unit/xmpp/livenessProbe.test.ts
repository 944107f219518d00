import type { Element } from '@xmpp/xml';
import { describe, expect, it } from 'vitest';
import { createLivenessProbe } from '../../../src/xmpp/createLivenessProbe';

/** A probe on a fake clock whose ping is answered by `answer`. */
function probeWith(answer: (stanza: Element) => Promise<Element>, busyUntil?: () => number) {
  let clock = 0;
  const sent: Element[] = [];
  const timeouts: number[] = [];
  const deaths: string[] = [];
  const probe = createLivenessProbe({
    request: (stanza, timeoutMs) => {
      sent.push(stanza);
      timeouts.push(timeoutMs);
      return answer(stanza);
    },
    domain: 'example.org',
    now: () => clock,
    quietMs: 4_000,
    timeoutMs: 4_000,
    onDead: (reason) => deaths.push(reason),
    ...(busyUntil && { busyUntil }),
  });
  return { probe, sent, timeouts, deaths, advance: (ms: number) => (clock += ms) };
}

const alive = (stanza: Element) => Promise.resolve(stanza);
const stanzaError = () =>
  Promise.reject(
    Object.assign(new Error('service-unavailable'), {
      name: 'StanzaError',
      condition: 'service-unavailable',
    }),
  );
const timeout = () => Promise.reject(Object.assign(new Error('timeout'), { name: 'TimeoutError' }));

describe('createLivenessProbe (XEP-0199 §4.2)', () => {
  it('pings the server only once the session has been quiet', async () => {
    const { probe, sent, advance } = probeWith(alive);
    await probe.probe();
    expect(sent).toHaveLength(0);
    advance(4_000);
    await probe.probe();
    expect(sent.map((s) => s.toString())).toEqual([
      '<iq type="get" to="example.org"><ping xmlns="urn:xmpp:ping"/></iq>',
    ]);
    probe.heard();
    advance(3_000);
    await probe.probe();
    expect(sent).toHaveLength(1);
  });

  it('takes an error reply for a live stream, and no answer for a dead one, once', async () => {
    const answered = probeWith(stanzaError);
    await answered.probe.probe(true);
    expect(answered.deaths).toEqual([]);
    const silent = probeWith(timeout);
    await silent.probe.probe(true);
    await silent.probe.probe(true);
    expect(silent.deaths).toEqual(['timeout']);
    expect(silent.sent).toHaveLength(1);
  });

  it('sends one ping at a time', async () => {
    let release = (): void => undefined;
    const { probe, sent } = probeWith(
      (stanza) => new Promise((resolve) => (release = () => resolve(stanza))),
    );
    const first = probe.probe(true);
    const second = probe.probe(true);
    release();
    await Promise.all([first, second]);
    expect(sent).toHaveLength(1);
  });

  it('gives a ping until a slow request of ours may be answered: the server answers in order', async () => {
    const busy = probeWith(alive, () => 120_000);
    await busy.probe.probe(true);
    expect(busy.timeouts).toEqual([120_000]);
    const idle = probeWith(alive, () => 0);
    await idle.probe.probe(true);
    expect(idle.timeouts).toEqual([4_000]);
  });
});
