import type { ItemView, NodeView, RpcErrorData } from '../shared/protocol';
import { isErrorCode } from '../shared/errorCodes';
import type { ItemRecord, NodeRecord, NewItem } from '../shared/records';

/** What the page sees of a stored node. */
export function toNodeView(
  record: NodeRecord,
  counts: { itemCount?: number; unread?: number } = {},
): NodeView {
  const view: NodeView = {
    service: record.service,
    node: record.node,
    syncState: record.syncState,
    syncStateAt: record.syncStateAt,
    subscription: record.subscription,
    followed: record.followed,
    ...counts,
  };
  if (record.analyser !== undefined) view.analyser = record.analyser;
  if (record.type !== undefined) view.type = record.type;
  if (record.subtype !== undefined) view.subtype = record.subtype;
  if (record.syncProgress) view.progress = record.syncProgress;
  if (record.lastSyncAt !== undefined) view.lastSyncAt = record.lastSyncAt;
  if (record.config) view.config = record.config;
  if (record.skipped) view.skipped = record.skipped;
  const c = record.catchUp;
  if (c?.state === 'running') view.catchUp = { state: 'running' };
  else if (c?.state === 'failed')
    view.catchUp = {
      state: 'failed',
      error: {
        code: isErrorCode(c.code) ? c.code : 'remote-error',
        message: c.message,
        at: c.at,
        retryAt: c.retryAt,
      },
    };
  const e = record.syncError;
  if (e) {
    const data: RpcErrorData = {
      code: isErrorCode(e.code) ? e.code : 'remote-error',
      message: e.message,
    };
    view.error =
      e.retryAt === undefined ? { ...data, at: e.at } : { ...data, at: e.at, retryAt: e.retryAt };
  }
  return view;
}

export function itemRecordToView(item: ItemRecord & { read?: 0 | 1 | boolean }): ItemView {
  const view: ItemView = {
    id: item.itemId,
    xml: item.xml,
    created: item.created,
    updated: item.updated,
  };
  if (item.parsed !== undefined) view.parsed = item.parsed;
  if (item.parseError !== undefined) view.parseError = item.parseError;
  if (item.publisher !== undefined) view.publisher = item.publisher;
  if (item.read !== undefined) view.read = Boolean(item.read);
  return view;
}

/** An item fetched from the server, parsed for display but not stored. */
export function newItemToView(item: NewItem): ItemView {
  const view: ItemView = { id: item.itemId, xml: item.xml };
  if (item.created !== undefined) view.created = item.created;
  if (item.updated !== undefined) view.updated = item.updated;
  if (item.parsed !== undefined) view.parsed = item.parsed;
  if (item.parseError !== undefined) view.parseError = item.parseError;
  if (item.publisher !== undefined) view.publisher = item.publisher;
  return view;
}
