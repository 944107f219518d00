import type { SchemaVersion } from './SchemaVersion';

/** Items as version 1 stored them: this migration only adds `read`. Frozen with this file. */
interface ItemRowV1 {
  read?: 0 | 1;
}

/**
 * Version 2: read state of items, for the reader. Adds `read: 0 | 1` on items and an index to
 * count a node's unread items (itemStore.unreadCount) without reading its rows.
 */
export const v2ItemReadState: SchemaVersion = {
  version: 2,
  name: 'itemReadState',
  stores: {
    items: [
      '[account+service+node+itemId]',
      '[account+service+node+created]',
      '[account+service+node+updated]',
      '[account+service+node+seq]',
      '[account+publisher]',
      '*fieldKeys',
      // New: unread count per node (itemStore.unreadCount), markNodeRead.
      '[account+service+node+read]',
    ].join(', '),
  },
  // Every item cached before read state existed counts as unread.
  upgrade: async (tx) => {
    await tx
      .table<ItemRowV1>('items')
      .toCollection()
      .modify((item) => {
        item.read = 0;
      });
  },
};
