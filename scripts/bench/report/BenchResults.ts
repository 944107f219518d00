import type { MachineDescription } from '../lib/machine';
import type { BundleRow } from '../measure/measureBundle';
import type { CachedReadResult } from '../measure/measureCachedRead';
import type { CatchUpResult } from '../measure/measureCatchUp';
import type { ColdStartResult } from '../measure/measureColdStart';
import type { LiveEventResult } from '../measure/measureLiveEvent';
import type { HeapPoint } from '../measure/measureMemory';
import type { SearchResult } from '../measure/measureSearch';
import type { SyncResult } from '../measure/measureSync';

export interface TargetCheck {
  name: string;
  value: number;
  unit: string;
  /** The limit, as issue 8 states it. */
  target: string;
  met: boolean;
}

/** What `.bench/results-<date>.json` holds: one run, every number measured in it. */
export interface BenchResults {
  date: string;
  machine: MachineDescription;
  durationSeconds: number;
  seed: { service: string; node: string; count: number; seededNow: boolean; seedMs: number };
  bundle?: BundleRow[];
  sync?: SyncResult;
  /** The same sync in a fresh profile (nothing else cached): a first follow. */
  syncFreshProfile?: SyncResult;
  /** Issue 14: the catch-up after an absence with 20 changes, against a full re-fetch. */
  catchUp?: CatchUpResult;
  cachedRead?: CachedReadResult;
  live?: LiveEventResult;
  search?: SearchResult;
  memory: HeapPoint[];
  coldStart?: ColdStartResult;
  targets: TargetCheck[];
  /** Measurements that failed, with why; the others still ran. */
  failures: string[];
}
