import { EventEmitter as NodeEventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { EventEmitter } from '../../../src/xmpp/EventEmitter';

type Listener = (...args: never[]) => unknown;
/** What both emitters have. */
interface Emitter {
  on(event: string, listener: Listener): Emitter;
  addListener(event: string, listener: Listener): Emitter;
  once(event: string, listener: Listener): Emitter;
  off(event: string, listener: Listener): Emitter;
  removeListener(event: string, listener: Listener): Emitter;
  removeAllListeners(event?: string): Emitter;
  listenerCount(event: string): number;
  emit(event: string, ...args: unknown[]): boolean;
}

/** A script of what xmpp.js, ltx and Satchel do with emitters; returns what it observed. */
function script(emitter: Emitter): unknown[] {
  const log: unknown[] = [];
  const a = (x: unknown) => log.push(['a', x]);
  const b = (x: unknown) => log.push(['b', x]);
  const removesB = () => {
    log.push('removesB');
    emitter.off('data', b);
    emitter.on('data', (x: unknown) => log.push(['added during emit', x]));
  };
  emitter.on('data', a).addListener('data', removesB).on('data', b);
  log.push(emitter.emit('data', 1), emitter.listenerCount('data'));
  log.push(emitter.emit('data', 2), emitter.emit('nothing', 3));

  const once = (x: unknown) => log.push(['once', x]);
  emitter.once('open', once).once('open', once);
  emitter.removeListener('open', once); // a once listener comes off by the function given
  log.push(emitter.listenerCount('open'), emitter.emit('open', 4), emitter.emit('open', 5));
  log.push(emitter.listenerCount('open'));

  emitter.on('twice', a).on('twice', b).on('twice', a);
  emitter.off('twice', a); // the last one added
  emitter.emit('twice', 6);
  emitter.on('this', function (this: unknown) {
    log.push(['this is the emitter', this === emitter]);
  });
  emitter.emit('this');

  try {
    emitter.emit('error', new Error('nobody listens'));
  } catch (error) {
    log.push(['thrown', (error as Error).message]);
  }
  emitter.on('error', (error: Error) => log.push(['handled', error.message]));
  log.push(emitter.emit('error', new Error('listened to')));
  emitter.on('throws', () => {
    throw new Error('from a listener');
  });
  try {
    emitter.emit('throws');
  } catch (error) {
    log.push(['propagates', (error as Error).message]);
  }

  emitter.removeAllListeners('data');
  log.push(emitter.listenerCount('data'), emitter.listenerCount('twice'));
  emitter.removeAllListeners();
  log.push(emitter.listenerCount('twice'), emitter.emit('twice', 7));
  return log;
}

describe('the worker build’s EventEmitter (the `events` module of xmpp.js and ltx)', () => {
  it('behaves as Node’s for everything xmpp.js, ltx and Satchel use', () => {
    // Node's typings are generic over an event map; the script uses plain string events.
    const node = script(new NodeEventEmitter() as unknown as Emitter);
    expect(script(new EventEmitter())).toEqual(node);
    // The script covers what it claims to: a removal and an addition during an emit, once,
    // an unhandled error.
    expect(node).toContainEqual(['b', 1]);
    expect(node).not.toContainEqual(['b', 2]);
    expect(node).toContainEqual(['added during emit', 2]);
    expect(node).toContainEqual(['once', 4]);
    expect(node).toContainEqual(['thrown', 'nobody listens']);
  });
});
