import type { Client } from '@xmpp/client-core';
import type { Element } from '@xmpp/xml';
import { NS_SM } from './streamNamespaces';

/**
 * Resolves once the server answered <enable/> (XEP-0198 §3) with <enabled/> or <failed/>.
 * @xmpp/client emits `online` right after resource binding, before <enable/> even goes out, so
 * a session reported usable at `online` is not yet resumable: a worker stopped in that gap
 * restarted with nothing to resume. Call it from the `online` handler (the <failed/> of an
 * earlier resume attempt must not count). It resolves a macrotask after the answer, once the
 * library has recorded the stream id (it does so a few microtasks later).
 */
export function whenEnableAnswered(entity: Client): Promise<void> {
  return new Promise((resolve) => {
    const onElement = (element: Element): void => {
      if (!element.is('enabled', NS_SM) && !element.is('failed', NS_SM)) return;
      entity.off('element', onElement);
      setTimeout(resolve, 0);
    };
    entity.on('element', onElement);
  });
}
