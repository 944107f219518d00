import type { StoredOutboxEntry } from '../../db/outboxStore';
import { isErrorCode } from '../../shared/errorCodes';
import type { OutboxEntryView } from '../../shared/protocol';

/** What a page sees of an outbox write (not the payload: the draft says what it is). */
export function toOutboxView(entry: StoredOutboxEntry): OutboxEntryView {
  const view: OutboxEntryView = {
    seq: entry.seq,
    op: entry.op,
    service: entry.service,
    node: entry.node,
    itemId: entry.itemId,
    state: entry.state,
    attempts: entry.attempts,
    createdAt: entry.createdAt,
  };
  if (entry.draft) view.draft = entry.draft;
  if (entry.parent) view.parent = entry.parent;
  if (entry.error) {
    const { code, message, detail, at } = entry.error;
    view.error = {
      code: isErrorCode(code) ? code : 'remote-error',
      message,
      at,
      ...(detail !== undefined && { detail }),
    };
  }
  return view;
}
