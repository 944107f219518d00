import type { Element } from '@xmpp/xml';
import type { IqCaller } from '../../src/pubsub/IqCaller';

/** Rewrites one real answer: gets the request and what the server answered, returns what the
 * worker sees instead (or the answer itself to pass it). */
export type AnswerRule = (request: Element, answer: Element) => Element;

/**
 * Sits between the worker's pubsub layer and its live session, so a test can hand the worker
 * answers a real server would never send (another node's items, duplicate ids, unknown error
 * conditions), built from the real server's answer to the real request. Issue 15: the
 * stanza-level injection for what Prosody refuses or normalises.
 */
export function createAnswerRewriter() {
  let rule: AnswerRule | undefined;
  let rewritten = 0;
  return {
    wrap(inner: IqCaller): IqCaller {
      return {
        async request(stanza, timeoutMs) {
          const answer = await inner.request(stanza, timeoutMs);
          if (!rule) return answer;
          const changed = rule(stanza, answer);
          if (changed !== answer) rewritten++;
          return changed;
        },
      };
    },
    set(next: AnswerRule | undefined): void {
      rule = next;
    },
    get rewritten(): number {
      return rewritten;
    },
  };
}
