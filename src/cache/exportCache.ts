/**
 * "Export the whole cache" (issue 7): every cached node of the account with its raw items, as
 * the versioned JSON document of cacheExportFormat.ts. Items are read a page at a time and
 * serialized at once, so the worker holds the text, not the rows.
 */
import type { MaintenanceStore } from '../db/createMaintenanceStore';
import type { NodeStore } from '../db/nodeStore';
import type { ItemRecord, NodeRecord } from '../shared/records';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportedItem,
  type ExportedNode,
} from './cacheExportFormat';

const PAGE = 500;

export interface ExportDeps {
  nodes: Pick<NodeStore, 'listByAccount'>;
  maintenance: Pick<MaintenanceStore, 'readNodeItems'>;
  now: () => number;
}

function exportedItem(item: ItemRecord): ExportedItem {
  const out: ExportedItem = {
    id: item.itemId,
    xml: item.xml,
    created: item.created,
    updated: item.updated,
    read: item.read === 1,
    pinned: item.pinned === 1,
  };
  if (item.publisher !== undefined) out.publisher = item.publisher;
  return out;
}

function nodeHeader(record: NodeRecord): Omit<ExportedNode, 'items'> {
  const header: Omit<ExportedNode, 'items'> = {
    service: record.service,
    node: record.node,
    followed: record.followed,
  };
  if (record.analyser !== undefined) header.analyser = record.analyser;
  if (record.type !== undefined) header.type = record.type;
  if (record.subtype !== undefined) header.subtype = record.subtype;
  if (record.config?.title !== undefined) header.title = record.config.title;
  if (record.retention !== undefined) header.retention = record.retention;
  return header;
}

export async function exportCache(
  deps: ExportDeps,
  account: string,
): Promise<{ json: string; nodes: number; items: number }> {
  const records = await deps.nodes.listByAccount(account);
  const nodeTexts: string[] = [];
  let items = 0;
  for (const record of records) {
    const texts: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await deps.maintenance.readNodeItems(record, after, PAGE);
      for (const item of page) texts.push(JSON.stringify(exportedItem(item)));
      const last = page[page.length - 1];
      if (page.length < PAGE || !last) break;
      after = last.itemId;
    }
    items += texts.length;
    const header = JSON.stringify(nodeHeader(record)).slice(0, -1);
    nodeTexts.push(`${header},"items":[\n${texts.join(',\n')}]}`);
  }
  const head = JSON.stringify({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(deps.now()).toISOString(),
    account,
  }).slice(0, -1);
  return { json: `${head},"nodes":[\n${nodeTexts.join(',\n')}]}\n`, nodes: records.length, items };
}
