/**
 * Puts posts into the cache without publishing them to Prosody: the page builds the cache's
 * own export document (src/cache/cacheExportFormat.ts) and hands it to the worker's
 * `cache.importAll`, which validates it, parses every item with the node's analyser and
 * stores it with its search entries, as a sync would. Chunks keep each document well under
 * the format's 256 M-character limit and the worker's memory modest.
 */
import { xml } from '@xmpp/xml';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type CacheExportV1,
  type ExportedItem,
} from '../../../src/cache/cacheExportFormat';
import type { RpcClient } from '../../../src/rpc/client/createRpcClient';
import { benchEntry, benchItemId, publishedMs, type BenchItemOptions } from '../lib/benchItems';
import { epochNow } from './epoch';

export interface ImportRequest extends BenchItemOptions {
  account: string;
  service: string;
  node: string;
  /** Import items [from, to): by default all `count`, the node's size (which dates depend on). */
  from?: number;
  to?: number;
  /** Items per `cache.importAll` call; default 2,000. */
  chunk?: number;
}

export interface ImportResult {
  count: number;
  /** Everything, building the documents included. */
  totalMs: number;
  /** The `cache.importAll` calls alone (validate, parse, store, index). */
  importMs: number;
  chunks: number;
}

const NS_PUBSUB = 'http://jabber.org/protocol/pubsub';

function exportedItem(i: number, request: ImportRequest): ExportedItem {
  const at = publishedMs(i, request);
  const item = xml('item', { xmlns: NS_PUBSUB, id: benchItemId(i) }, benchEntry(i, request));
  return {
    id: benchItemId(i),
    xml: item.toString(),
    created: at,
    updated: at,
    read: false,
    pinned: false,
  };
}

export async function importItems(rpc: RpcClient, request: ImportRequest): Promise<ImportResult> {
  const started = epochNow();
  const chunk = request.chunk ?? 2_000;
  let importMs = 0;
  let chunks = 0;
  const end = request.to ?? request.count;
  for (let start = request.from ?? 0; start < end; start += chunk) {
    const items: ExportedItem[] = [];
    for (let i = start; i < Math.min(end, start + chunk); i++) items.push(exportedItem(i, request));
    const document: CacheExportV1 = {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: new Date().toISOString(),
      account: request.account,
      nodes: [
        {
          service: request.service,
          node: request.node,
          followed: false,
          analyser: 'microblog',
          type: 'blog',
          items,
        },
      ],
    };
    const json = JSON.stringify(document);
    const callStart = epochNow();
    const report = await rpc.call('cache.importAll', { json }, 1_800_000);
    importMs += epochNow() - callStart;
    chunks += 1;
    if (!report.applied || report.newItems + report.identical !== items.length)
      throw new Error(`cache.importAll applied ${report.newItems} of ${items.length} items`);
  }
  return {
    count: end - (request.from ?? 0),
    totalMs: epochNow() - started,
    importMs,
    chunks,
  };
}
