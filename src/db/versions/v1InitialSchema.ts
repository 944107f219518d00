import type { SchemaVersion } from './SchemaVersion';

/**
 * Version 1: the initial schema (issue 3). The first part of each declaration is the primary
 * key; each index names the query that needs it. A query the app runs often must be served by a
 * key or index range, never by a scan of the table.
 */
export const v1InitialSchema: SchemaVersion = {
  version: 1,
  name: 'initialSchema',
  stores: {
    // Bare JID. A handful of rows, read by key at start-up and listed whole in settings.
    accounts: '&jid',
    // XEP-0198 §5 state by account, rewritten after every handled stanza: no secondary index,
    // so each write touches one B-tree.
    resumption: '&account',
    // Small key/value pairs: the per-install resource, the item sequence counter.
    settings: '&key',
    nodes: [
      // A node of an account at a service; its prefix [account] also lists an account's nodes
      // (nodeStore.listByAccount), so no separate `account` index.
      '[account+service+node]',
      // The home screen's followed nodes of an account (nodeStore.listFollowed); followed is 0/1.
      '[account+followed]',
      // The sync scheduler's pending/inProgress/error nodes (nodeStore.listBySyncState).
      '[account+syncState]',
    ].join(', '),
    items: [
      // Unique per account+service+node+item id, so an upsert of a replayed item replaces it;
      // the [account+service+node] prefix serves count, purge and "every id of a node".
      '[account+service+node+itemId]',
      // queryItems orderBy 'created' (newest N of a node by publication time) and its paging.
      '[account+service+node+created]',
      // queryItems orderBy 'updated' (recently changed first).
      '[account+service+node+updated]',
      // queryItems orderBy 'seq': insertion order, "what is new since sequence S".
      '[account+service+node+seq]',
      // An account's items by a publisher, across nodes (itemStore.listByPublisher).
      '[account+publisher]',
      // queryItems conditions on parsed fields: one entry [account, service, node, field, value]
      // per value, so ==, in and ranges read index keys instead of scanning rows.
      '*fieldKeys',
    ].join(', '),
  },
};
