/**
 * "Import the whole cache" (issue 7). The whole file is validated first (cacheExportFormat.ts:
 * shape, sizes, each item's XML); nothing is written unless all of it is valid. Items already
 * cached with the same XML are left alone; with different XML they are conflicts, skipped by
 * default or replaced when the user chose so. A dry run reports without writing. The whole
 * import is one transaction (issue 15): a failure half-way (a full disk) leaves the cache exactly
 * as it was, and views hear of the new items only once they are committed.
 */
import type { AnalyserRegistry } from '../analysers/analyserRegistry';
import type { MaintenanceStore } from '../db/createMaintenanceStore';
import type { ItemStore } from '../db/itemStore';
import type { NodeStore } from '../db/nodeStore';
import type { ConflictChoice, ImportReport } from '../shared/cacheManagement';
import type { ItemsChangedEvent } from '../shared/protocol';
import type { NewItem, NodeRecord } from '../shared/records';
import {
  validateCacheExport,
  type CacheExportV1,
  type ExportedItem,
  type ExportedNode,
} from './cacheExportFormat';
import { parseItemXml } from './parseItemXml';
import { toNewItem } from './toNewItem';

const BATCH = 500;
const SAMPLES = 20;

export interface ImportDeps {
  nodes: Pick<NodeStore, 'get' | 'put'>;
  items: Pick<ItemStore, 'getItems' | 'upsertItems' | 'setRead'>;
  maintenance: Pick<MaintenanceStore, 'setPinned'>;
  registry: Pick<AnalyserRegistry, 'get'>;
  emitItems: (event: ItemsChangedEvent) => void;
  /** Runs the work as one transaction over the whole database (db/inOneTransaction.ts). */
  atomically: <T>(work: () => Promise<T>) => Promise<T>;
  now: () => number;
}

interface NodePlan {
  node: ExportedNode;
  record: NodeRecord | undefined;
  write: ExportedItem[];
}

function newRecord(account: string, node: ExportedNode, known: boolean, now: number): NodeRecord {
  const record: NodeRecord = {
    account,
    service: node.service,
    node: node.node,
    // Analysed and complete as far as the file goes; a later sync or catch-up reconciles it.
    analysedAt: now,
    syncState: 'completed',
    syncStateAt: now,
    subscription: 'none',
    followed: node.followed,
  };
  if (known && node.analyser !== undefined) record.analyser = node.analyser;
  if (node.type !== undefined) record.type = node.type;
  if (node.subtype !== undefined) record.subtype = node.subtype;
  if (node.title !== undefined) record.config = { title: node.title };
  if (node.retention !== undefined) record.retention = node.retention;
  return record;
}

/** Writes one node's part; returns the event to announce once the whole import committed. */
async function writeNode(
  deps: ImportDeps,
  account: string,
  plan: NodePlan,
): Promise<ItemsChangedEvent | undefined> {
  const { node } = plan;
  let record = plan.record;
  if (!record) {
    record = newRecord(
      account,
      node,
      node.analyser !== undefined && deps.registry.get(node.analyser) !== undefined,
      deps.now(),
    );
    await deps.nodes.put(record);
  }
  const analyser = record.analyser === undefined ? undefined : deps.registry.get(record.analyser);
  const context = { service: node.service, node: node.node, analyser };
  const upserted: string[] = [];
  for (let at = 0; at < plan.write.length; at += BATCH) {
    const batch = plan.write.slice(at, at + BATCH);
    const rows = batch.flatMap((item): NewItem[] => {
      const parsed = parseItemXml(item.xml, item.id);
      const row = parsed.ok ? toNewItem(parsed.item, context) : undefined;
      if (!row) return [];
      const times = { created: item.created, updated: item.updated };
      return [
        item.publisher === undefined
          ? { ...row, ...times }
          : { ...row, ...times, publisher: item.publisher },
      ];
    });
    const result = await deps.items.upsertItems(account, node.service, node.node, rows);
    upserted.push(...result.added, ...result.changed);
    const read = batch.filter((i) => i.read).map((i) => i.id);
    if (read.length > 0) await deps.items.setRead(account, node.service, node.node, read, true);
    const pinned = batch.filter((i) => i.pinned).map((i) => i.id);
    if (pinned.length > 0) await deps.maintenance.setPinned({ account, ...node }, pinned, true);
  }
  return upserted.length > 0
    ? { account, service: node.service, node: node.node, upserted, retracted: [] }
    : undefined;
}

/** Compares the file with the cache: what is new, identical or in conflict, and what to write. */
async function planImport(
  deps: ImportDeps,
  account: string,
  data: CacheExportV1,
  onConflict: ConflictChoice,
): Promise<{ report: ImportReport; plans: NodePlan[] }> {
  const report: ImportReport = {
    applied: false,
    nodes: data.nodes.length,
    newNodes: 0,
    items: 0,
    newItems: 0,
    identical: 0,
    conflicts: 0,
    conflictSamples: [],
    onConflict,
  };
  if (data.account !== account) report.fromAccount = data.account;
  const plans: NodePlan[] = [];
  for (const node of data.nodes) {
    const record = await deps.nodes.get({ account, service: node.service, node: node.node });
    if (!record) report.newNodes += 1;
    const stored = new Map<string, string>();
    for (let at = 0; at < node.items.length; at += BATCH) {
      const ids = node.items.slice(at, at + BATCH).map((i) => i.id);
      for (const item of await deps.items.getItems(account, node.service, node.node, ids))
        stored.set(item.itemId, item.xml);
    }
    const write: ExportedItem[] = [];
    for (const item of node.items) {
      report.items += 1;
      const xml = stored.get(item.id);
      if (xml === undefined) {
        report.newItems += 1;
        write.push(item);
      } else if (xml === item.xml) {
        report.identical += 1;
      } else {
        report.conflicts += 1;
        if (report.conflictSamples.length < SAMPLES)
          report.conflictSamples.push({ service: node.service, node: node.node, id: item.id });
        if (onConflict === 'replace') write.push(item);
      }
    }
    plans.push({ node, record, write });
  }
  return { report, plans };
}

export async function importCache(
  deps: ImportDeps,
  account: string,
  text: string,
  options: { onConflict?: ConflictChoice; dryRun?: boolean } = {},
): Promise<ImportReport> {
  const onConflict = options.onConflict ?? 'skip';
  const data = validateCacheExport(text);
  if (options.dryRun) return (await planImport(deps, account, data, onConflict)).report;
  // Planned again inside the transaction: what a sync stored since the dry run counts.
  const { report, events } = await deps.atomically(async () => {
    const planned = await planImport(deps, account, data, onConflict);
    const written: ItemsChangedEvent[] = [];
    for (const plan of planned.plans) {
      const event = await writeNode(deps, account, plan);
      if (event) written.push(event);
    }
    return { report: planned.report, events: written };
  });
  for (const event of events) deps.emitItems(event);
  return { ...report, applied: true };
}
