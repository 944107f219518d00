/**
 * The `events` module of the worker's build (vite.config.ts aliases `events` here): xmpp.js and
 * ltx extend Node's EventEmitter, which the browser lacks, and the npm polyfill weighs 1.6 KB
 * gzip in the worker. This is the part they and we use, with Node's semantics: listeners run in
 * order on a copy (one removed during an emit still runs), `once` listeners come off before
 * they run and can be removed by the function given, `removeListener` takes the last match,
 * and an `error` event nobody listens to throws. Tests in Node use Node's own module.
 * test/unit/xmpp/EventEmitter.test.ts runs the same script against both.
 */
type Listener = (...args: never[]) => unknown;
type Registered = Listener & { listener?: Listener };

export class EventEmitter {
  #listeners = new Map<string | symbol, Registered[]>();

  on(event: string | symbol, listener: Listener): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener]);
    return this;
  }

  addListener(event: string | symbol, listener: Listener): this {
    return this.on(event, listener);
  }

  once(event: string | symbol, listener: Listener): this {
    const once: Registered = (...args) => {
      this.off(event, once);
      return listener.apply(this, args);
    };
    once.listener = listener;
    return this.on(event, once);
  }

  off(event: string | symbol, listener: Listener): this {
    const list = this.#listeners.get(event) ?? [];
    const index = list.findLastIndex((item) => item === listener || item.listener === listener);
    if (index < 0) return this;
    const rest = list.toSpliced(index, 1);
    if (rest.length > 0) this.#listeners.set(event, rest);
    else this.#listeners.delete(event);
    return this;
  }

  removeListener(event: string | symbol, listener: Listener): this {
    return this.off(event, listener);
  }

  removeAllListeners(event?: string | symbol): this {
    if (event === undefined) this.#listeners.clear();
    else this.#listeners.delete(event);
    return this;
  }

  listenerCount(event: string | symbol): number {
    return this.#listeners.get(event)?.length ?? 0;
  }

  emit(event: string | symbol, ...args: unknown[]): boolean {
    // Lists are replaced, never changed in place: this one is the copy Node's emit makes.
    const list = this.#listeners.get(event);
    if (!list) {
      if (event !== 'error') return false;
      const error = args[0];
      throw error instanceof Error ? error : new Error(`Unhandled error. (${String(error)})`);
    }
    for (const listener of list) (listener as (...a: unknown[]) => unknown).apply(this, args);
    return true;
  }
}

export default EventEmitter;
