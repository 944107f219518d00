import type { SchemaVersion } from './SchemaVersion';

type ReadKey = [account: string, service: string, node: string, read: 0 | 1];

/**
 * Version 5: each node's item and unread counts in a row of their own, kept exact in the same
 * transaction as every item write (src/db/nodeCountsSync.ts). Until now every cached page of a
 * feed counted the node's index ranges: three counts of about 100 ms each at 10,000 items in
 * Chromium here, against a 5 ms target for the whole read (issue 8, docs/benchmarks.md).
 * The upgrade counts what is cached, from the read index's keys alone (no row is loaded).
 */
export const v5NodeCounts: SchemaVersion = {
  version: 5,
  name: 'nodeCounts',
  stores: {
    nodeCounts: '[account+service+node]',
  },
  upgrade: async (tx) => {
    const keys = (await tx
      .table('items')
      .orderBy('[account+service+node+read]')
      .keys()) as unknown as ReadKey[];
    const rows = new Map<
      string,
      { account: string; service: string; node: string; items: number; unread: number }
    >();
    for (const [account, service, node, read] of keys) {
      const id = JSON.stringify([account, service, node]);
      const row = rows.get(id) ?? { account, service, node, items: 0, unread: 0 };
      row.items += 1;
      if (read === 0) row.unread += 1;
      rows.set(id, row);
    }
    await tx.table('nodeCounts').bulkPut([...rows.values()]);
  },
};
