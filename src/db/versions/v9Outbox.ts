import type { SchemaVersion } from './SchemaVersion';

/**
 * Version 9: the outbox (issue 17). Every write the reader makes (a post, a comment, an edit, a
 * retraction) is stored here first and sent from here, in order, when a session is online; it
 * survives reloads, worker stops and browser restarts. The auto-incremented key is that order;
 * `account` lists one account's writes in it (equal index keys sort by primary key).
 * No rows to migrate: the table starts empty.
 */
export const v9Outbox: SchemaVersion = {
  version: 9,
  name: 'outbox',
  stores: {
    outbox: '++seq, account',
  },
};
