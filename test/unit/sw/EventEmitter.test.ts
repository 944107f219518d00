/**
 * The worker's EventEmitter (src/sw/EventEmitter.ts, aliased for `events` in the worker build)
 * against the two it stands in for: Node's, which @xmpp/* and ltx are written for, and the
 * `events` polyfill the worker bundled before. Each scenario records what a caller can observe
 * and must record the same with all three.
 */
import { EventEmitter as NodeEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { procedure } from '@xmpp/events';
import type { Client } from '@xmpp/client-core';
import onoff from '@xmpp/events/lib/onoff.js';
import promise from '@xmpp/events/lib/promise.js';
import { xml } from '@xmpp/xml';
import { describe, expect, it } from 'vitest';
import { EventEmitter } from '../../../src/sw/EventEmitter';

// A listener's parameters are whatever the test emits with.
type Listener = (...args: never[]) => unknown;
interface Emitter {
  on(event: string | symbol, listener: Listener): Emitter;
  addListener(event: string | symbol, listener: Listener): Emitter;
  once(event: string | symbol, listener: Listener): Emitter;
  off(event: string | symbol, listener: Listener): Emitter;
  removeListener(event: string | symbol, listener: Listener): Emitter;
  removeAllListeners(event?: string | symbol): Emitter;
  listenerCount(event: string | symbol): number;
  emit(event: string | symbol, ...args: unknown[]): boolean;
}

// The polyfill by its file path: in Node, the bare name `events` is Node's own module.
const Polyfill = (
  createRequire(import.meta.url)('events/events.js') as { EventEmitter: new () => Emitter }
).EventEmitter;
const implementations: [string, new () => Emitter][] = [
  // Node's typings differ only in taking listeners of `any` parameters.
  ['node', NodeEmitter as unknown as new () => Emitter],
  ['polyfill', Polyfill],
  ['satchel', EventEmitter],
];

/** Runs `scenario` on a fresh emitter of each implementation; returns the three traces. */
function traces(scenario: (emitter: Emitter, trace: unknown[]) => void): Record<string, unknown[]> {
  return Object.fromEntries(
    implementations.map(([name, Impl]) => {
      const trace: unknown[] = [];
      try {
        scenario(new Impl(), trace);
      } catch (error) {
        const e = error as Error & { context?: unknown };
        trace.push(['threw', e instanceof Error, e.message, e.context]);
      }
      return [name, trace];
    }),
  );
}

function expectSame(scenario: (emitter: Emitter, trace: unknown[]) => void): unknown[] {
  const { node, polyfill, satchel } = traces(scenario);
  expect(satchel).toEqual(node);
  expect(satchel).toEqual(polyfill);
  return satchel ?? [];
}

describe('EventEmitter (the worker bundle’s `events`)', () => {
  it('calls listeners in the order added, with the arguments, `this` the emitter', () => {
    const trace = expectSame((emitter, trace) => {
      const record = function (this: unknown, name: string) {
        return (...args: unknown[]) => trace.push([name, this === emitter, ...args]);
      };
      function self(this: unknown) {
        trace.push(['self', this === emitter]);
      }
      emitter.on('x', record.call(emitter, 'a'));
      emitter.addListener('x', record.call(emitter, 'b'));
      emitter.on('x', self);
      trace.push(emitter.emit('x', 1, 'two'));
      trace.push(emitter.emit('nobody'));
      trace.push(emitter.listenerCount('x'), emitter.listenerCount('nobody'));
    });
    expect(trace).toEqual([
      ['a', true, 1, 'two'],
      ['b', true, 1, 'two'],
      ['self', true],
      true,
      false,
      3,
      0,
    ]);
  });

  it('returns the emitter from on, once, off and removeAllListeners', () => {
    expectSame((emitter, trace) => {
      const f = () => undefined;
      trace.push(
        emitter.on('x', f) === emitter,
        emitter.addListener('x', f) === emitter,
        emitter.once('x', f) === emitter,
        emitter.off('x', f) === emitter,
        emitter.removeListener('x', f) === emitter,
        emitter.off('never', f) === emitter,
        emitter.removeAllListeners('x') === emitter,
        emitter.removeAllListeners() === emitter,
      );
    });
  });

  it('runs a once listener once, and off(original) removes it before it runs', () => {
    const trace = expectSame((emitter, trace) => {
      const a = (v: number) => trace.push(['a', v]);
      const b = (v: number) => trace.push(['b', v]);
      emitter.once('x', a);
      emitter.once('x', b);
      trace.push(emitter.listenerCount('x'));
      emitter.off('x', b);
      emitter.emit('x', 1);
      emitter.emit('x', 2);
      trace.push(emitter.listenerCount('x'));
    });
    expect(trace).toEqual([2, ['a', 1], 0]);
  });

  it('removes the latest-added copy of a listener added twice', () => {
    const trace = expectSame((emitter, trace) => {
      const a = () => trace.push('a');
      const b = () => trace.push('b');
      emitter.on('x', a);
      emitter.on('x', b);
      emitter.on('x', a);
      emitter.off('x', a);
      emitter.emit('x');
    });
    expect(trace).toEqual(['a', 'b']);
  });

  it('applies a listener added or removed during an emit from the next emit on', () => {
    const trace = expectSame((emitter, trace) => {
      const late = () => trace.push('late');
      const removed = () => trace.push('removed');
      emitter.on('x', () => {
        trace.push('first');
        emitter.on('x', late);
        emitter.off('x', removed);
      });
      emitter.on('x', removed);
      emitter.emit('x');
      trace.push('--');
      emitter.emit('x');
    });
    expect(trace).toEqual(['first', 'removed', '--', 'first', 'late']);
  });

  it('runs a once listener once when an earlier listener emits the same event again', () => {
    const trace = expectSame((emitter, trace) => {
      let depth = 0;
      emitter.on('x', () => {
        depth += 1;
        if (depth === 1) emitter.emit('x');
      });
      emitter.once('x', () => trace.push(['once', depth]));
      emitter.emit('x');
    });
    expect(trace).toEqual([['once', 2]]);
  });

  it('lets a throwing listener end the emit, as Node does', () => {
    const trace = expectSame((emitter, trace) => {
      emitter.on('x', () => {
        throw new Error('boom');
      });
      emitter.on('x', () => trace.push('not reached'));
      emitter.emit('x');
    });
    expect(trace).toEqual([['threw', true, 'boom', undefined]]);
  });

  it("throws an 'error' event that nobody listens to, and hands it to a listener otherwise", () => {
    const error = new Error('lost');
    expect(expectSame((emitter) => void emitter.emit('error', error))).toEqual([
      ['threw', true, 'lost', undefined],
    ]);
    expect(
      expectSame((emitter, trace) => {
        emitter.on('error', (e: Error) => trace.push(e === error));
        trace.push(emitter.emit('error', error));
      }),
    ).toEqual([true, true]);
    // Nothing or a non-Error: an Error that carries the value (Node words the message otherwise).
    const { polyfill, satchel } = traces((emitter) => void emitter.emit('error'));
    expect(satchel).toEqual(polyfill);
    expect(satchel).toEqual([['threw', true, 'Unhandled error.', undefined]]);
    const value = { message: 'not an Error' };
    const other = traces((emitter) => void emitter.emit('error', value));
    expect(other.satchel).toEqual(other.polyfill);
    expect(other.satchel).toEqual([['threw', true, 'Unhandled error. (not an Error)', value]]);
    expect(other.node?.[0]).toMatchObject(['threw', true, expect.any(String), value]);
  });

  it('removes all listeners, of one event or of every event', () => {
    const trace = expectSame((emitter, trace) => {
      const sym = Symbol('s');
      emitter.on('x', () => trace.push('x'));
      emitter.on('y', () => trace.push('y'));
      emitter.on(sym, () => trace.push('sym'));
      emitter.emit(sym);
      emitter.removeAllListeners('x');
      trace.push(emitter.emit('x'), emitter.emit('y'));
      emitter.removeAllListeners();
      trace.push(emitter.emit('y'), emitter.emit(sym), emitter.listenerCount('y'));
    });
    expect(trace).toEqual(['sym', 'y', false, true, false, false, 0]);
  });

  it('works as a base class, as @xmpp/connection and ltx use it', () => {
    class Connection extends EventEmitter {
      status = 'offline';
      setStatus(status: string) {
        this.status = status;
        this.emit('status', status);
      }
    }
    const connection = new Connection();
    const seen: string[] = [];
    connection.on('status', (s: string) => seen.push(s));
    connection.setStatus('online');
    expect(seen).toEqual(['online']);
    expect(new Connection().listenerCount('status')).toBe(0);
  });
});

describe('the @xmpp/events helpers on it', () => {
  it('promise() resolves on the event and leaves no listener behind', async () => {
    const emitter = new EventEmitter();
    const online = promise(emitter, 'online');
    emitter.emit('online', 'jid');
    await expect(online).resolves.toBe('jid');
    expect([emitter.listenerCount('online'), emitter.listenerCount('error')]).toEqual([0, 0]);
  });

  it("promise() rejects on 'error' and leaves no listener behind", async () => {
    const emitter = new EventEmitter();
    const online = promise(emitter, 'online');
    const error = new Error('refused');
    emitter.emit('error', error);
    await expect(online).rejects.toBe(error);
    expect([emitter.listenerCount('online'), emitter.listenerCount('error')]).toEqual([0, 0]);
  });

  it('onoff() binds on, off and once', () => {
    const emitter = new EventEmitter();
    const { on, off, once } = onoff(emitter);
    const seen: number[] = [];
    const listener = (n: number) => seen.push(n);
    on('x', listener);
    once('x', listener);
    emitter.emit('x', 1);
    off('x', listener);
    emitter.emit('x', 2);
    expect(seen).toEqual([1, 1]);
  });

  it('procedure() listens to nonzas until done, then stops', async () => {
    const emitter = new EventEmitter();
    const sent: string[] = [];
    const entity = Object.assign(emitter, {
      send: (element: ReturnType<typeof xml>) => {
        sent.push(element.name);
        return Promise.resolve();
      },
    }) as unknown as Client;
    const result = procedure<string>(entity, xml('auth'), (element, done) => {
      if (element.name === 'success') done('ok');
    });
    emitter.emit('nonza', xml('challenge'));
    emitter.emit('nonza', xml('success'));
    await expect(result).resolves.toBe('ok');
    expect(sent).toEqual(['auth']);
    expect(emitter.listenerCount('nonza')).toBe(0);
  });
});
