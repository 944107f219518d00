/**
 * The worker bundle's `events` module (vite.config.ts aliases `events` to this file). @xmpp/*
 * and ltx extend Node's EventEmitter, which a browser build gets from the `events` polyfill:
 * 6 KB minified for leak warnings, `newListener` events, prepend, max-listener limits and
 * promise helpers that nothing here uses. This keeps only what those libraries and our code call
 * (test/unit/sw/EventEmitter.test.ts runs it side by side with Node's):
 *
 * - `on`/`addListener`, `once`, `off`/`removeListener`, `removeAllListeners`, `emit`,
 *   `listenerCount`, each returning what Node's returns;
 * - listeners run in the order added, with `this` the emitter; a listener added or removed
 *   while an event is emitted takes effect from the next emit (the list is copied on write);
 * - `off(event, fn)` removes the latest-added `fn`, also when it was added with `once`;
 * - `emit('error', error)` with no 'error' listener throws `error` (or, for a non-Error, an
 *   Error "Unhandled error." with the value as `context`), as Node and the polyfill do.
 *
 * Left out on purpose: `newListener`/`removeListener` events, max-listener warnings,
 * `prependListener`, `eventNames`, `listeners`/`rawListeners`, `captureRejections` and the
 * static helpers. A dependency that starts calling one fails loudly (not a function), in the
 * unit tests of its wrapper or the end-to-end suite.
 */

// any: listeners take whatever emit() passes, as in Node's own typings.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Listener = (...args: any[]) => unknown;
type EventName = string | symbol;
/** What once() registers: `listener` lets off(event, original) find it. */
type OnceWrapper = Listener & { listener: Listener };

export class EventEmitter {
  #listeners = new Map<EventName, readonly Listener[]>();

  on(event: EventName, listener: Listener): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener]);
    return this;
  }

  addListener(event: EventName, listener: Listener): this {
    return this.on(event, listener);
  }

  once(event: EventName, listener: Listener): this {
    let fired = false;
    const wrapper: OnceWrapper = Object.assign(
      function (this: EventEmitter, ...args: unknown[]): unknown {
        // An emit from inside an earlier listener of the same event can reach the wrapper
        // first; the outer emit still holds it in its copy of the list.
        if (fired) return undefined;
        fired = true;
        this.off(event, wrapper);
        return listener.apply(this, args);
      },
      { listener },
    );
    return this.on(event, wrapper);
  }

  off(event: EventName, listener: Listener): this {
    const list = [...(this.#listeners.get(event) ?? [])];
    let at = list.length - 1;
    while (at >= 0 && list[at] !== listener && (list[at] as OnceWrapper).listener !== listener)
      at--;
    if (at < 0) return this;
    list.splice(at, 1);
    if (list.length === 0) this.#listeners.delete(event);
    else this.#listeners.set(event, list);
    return this;
  }

  removeListener(event: EventName, listener: Listener): this {
    return this.off(event, listener);
  }

  removeAllListeners(event?: EventName): this {
    if (event === undefined) this.#listeners.clear();
    else this.#listeners.delete(event);
    return this;
  }

  listenerCount(event: EventName): number {
    return this.#listeners.get(event)?.length ?? 0;
  }

  emit(event: EventName, ...args: unknown[]): boolean {
    const list = this.#listeners.get(event);
    if (!list) {
      if (event !== 'error') return false;
      const [error] = args;
      if (error instanceof Error) throw error;
      const message = (error as { message?: unknown } | undefined)?.message;
      throw Object.assign(new Error(`Unhandled error.${error ? ` (${String(message)})` : ''}`), {
        context: error,
      });
    }
    for (const listener of list) listener.apply(this, args);
    return true;
  }
}
