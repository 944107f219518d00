// Types for the two @xmpp error classes the pubsub tests throw, as @xmpp/iq's caller does.
declare module '@xmpp/middleware/lib/StanzaError.js' {
  import type { Element } from '@xmpp/xml';
  export default class StanzaError extends Error {
    static fromElement(element: Element): StanzaError;
    condition: string;
    text: string;
    application: Element | undefined;
    element: Element;
    type: string | undefined;
  }
}

declare module '@xmpp/events/lib/TimeoutError.js' {
  export default class TimeoutError extends Error {}
}
