/**
 * Managing the cache (issue 7): per-node statistics, purges, retention, pins, and the export
 * and import of the whole cache. Types only; the export file format is in
 * src/cache/cacheExportFormat.ts.
 */
import type { ErrorCode } from './errorCodes';
import type { RetentionPolicy, SyncState } from './records';

export interface NodeStats {
  service: string;
  node: string;
  type?: string;
  subtype?: string;
  title?: string;
  followed: boolean;
  syncState: SyncState;
  syncStateAt: number;
  lastSyncAt?: number;
  error?: { code: ErrorCode; message: string; at: number };
  itemCount: number;
  pinnedCount: number;
  /** Sum of the items' approximate sizes (UTF-16 bytes of XML and parsed data). */
  bytes: number;
  /** false: extrapolated from a sample of the node's items (large nodes). */
  bytesExact: boolean;
  retention?: RetentionPolicy;
  /** Items received for the node but not stored (NodeRecord.skipped.count, issue 15). */
  skippedCount?: number;
}

export interface CacheStats {
  nodes: NodeStats[];
  itemCount: number;
  bytes: number;
}

/** Which items a purge considers; pinned items are always kept. */
export type PurgeScope =
  | { scope: 'node'; service: string; node: string }
  | { scope: 'type'; type: string }
  | { scope: 'all' };

export type ConflictChoice = 'skip' | 'replace';

/** What an import found (dry run) or did. Nothing is written unless the whole file is valid. */
export interface ImportReport {
  /** The file was written (false for a dry run). */
  applied: boolean;
  nodes: number;
  /** Nodes not cached before. */
  newNodes: number;
  items: number;
  /** Items not cached before. */
  newItems: number;
  /** Cached already with the same XML: nothing to do. */
  identical: number;
  /** Cached already with different XML: kept (skip) or overwritten (replace). */
  conflicts: number;
  /** The first conflicts, for the user to look at. */
  conflictSamples: Array<{ service: string; node: string; id: string }>;
  onConflict: ConflictChoice;
  /** The account the file was exported from, when it differs from the signed-in one. */
  fromAccount?: string;
}
