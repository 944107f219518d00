// Types for the @xmpp/events helpers that test/unit/sw/EventEmitter.test.ts runs on the worker's
// EventEmitter (the package ships none; src/types declares only what the app uses).
declare module '@xmpp/events/lib/promise.js' {
  export default function promise(
    target: object,
    event: string,
    rejectEvent?: string | null,
    timeout?: number,
  ): Promise<unknown>;
}

declare module '@xmpp/events/lib/onoff.js' {
  type Listener = (...args: never[]) => unknown;
  export default function onoff(target: object): {
    on: (event: string, listener: Listener) => void;
    off: (event: string, listener: Listener) => void;
    once: (event: string, listener: Listener) => void;
  };
}
