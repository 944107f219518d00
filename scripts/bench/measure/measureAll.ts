import { withTimeout } from '../../lib/withTimeout';
import { round } from '../lib/stats';
import type { BenchResults } from '../report/BenchResults';
import type { BenchContext } from './BenchContext';
import { measureCachedRead } from './measureCachedRead';
import { measureColdStart } from './measureColdStart';
import { measureLiveEvent } from './measureLiveEvent';
import { heapPoint } from './measureMemory';
import { measureSearch } from './measureSearch';
import { measureSync, syncOnce } from './measureSync';
import { waitImportedCaughtUp } from './waitImportedCaughtUp';

const PHASE_TIMEOUT_MS = 15 * 60_000;
/** Progress lines show the numbers, not the per-run arrays. */
const brief = (key: string, value: unknown): unknown =>
  key === 'runs' && Array.isArray(value) ? `[${value.length}]` : value;

export type Measured = Pick<
  BenchResults,
  'sync' | 'cachedRead' | 'live' | 'search' | 'coldStart' | 'memory' | 'failures'
>;

/**
 * The measurements in their order (cold start last: it stops Prosody). Each is a phase: a
 * failure or a timeout is recorded and the next one runs.
 */
export async function measureAll(
  ctx: BenchContext,
  options: {
    syncPairs: number;
    wanted: (name: string) => boolean;
    /** When the page was opened and signed in (epoch ms): catch-ups converge after it. */
    signedInAt: number;
  },
  out: Measured,
): Promise<void> {
  const phase = async <T>(name: string, run: () => Promise<T>): Promise<T | undefined> => {
    ctx.log(`${name}…`);
    try {
      const limit = () => `${name} took over ${PHASE_TIMEOUT_MS / 60_000} min`;
      const result = await withTimeout(run(), PHASE_TIMEOUT_MS, limit);
      ctx.log(`  ${JSON.stringify(result, brief)}`);
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      out.failures.push(`${name}: ${message.split('\n')[0] ?? ''}`);
      ctx.log(`  FAILED: ${message}`);
      return undefined;
    }
  };
  const heap = async (label: string, items: number) => {
    const point = await phase(`worker heap (${label})`, () => heapPoint(ctx, label, items));
    if (point) out.memory.push(point);
  };
  const { wanted } = options;
  const caughtUp = await phase('imported nodes caught up (not measured)', () =>
    waitImportedCaughtUp(ctx, options.signedInAt),
  );
  // Without it every figure below would be of an emptied profile, or beside a catch-up.
  if (!caughtUp) return;
  const imported = ctx.template.nodes.reduce((n, node) => n + node.size, 0);
  await heap(`${imported.toLocaleString('en')} posts cached, none read yet`, imported);
  if (wanted('sync')) out.sync = await phase('1. sync', () => measureSync(ctx, options.syncPairs));
  else await phase('sync the node (not measured)', () => syncOnce(ctx));
  if (wanted('read')) out.cachedRead = await phase('2. cached read', () => measureCachedRead(ctx));
  if (out.sync && out.cachedRead) {
    const counts = (out.sync.items / out.sync.batchSize) * out.cachedRead.breakdown.getNodeRpc.p50;
    out.sync.ratioWithoutNodeCounts = round(
      out.sync.sync.totalMs.p50 / (out.sync.fetchOnly.totalMs.p50 - counts),
    );
  }
  if (wanted('live'))
    out.live = await phase('3. live event to screen', () => measureLiveEvent(ctx));
  if (wanted('search')) out.search = await phase('5. search', () => measureSearch(ctx));
  const total = imported + ctx.prosody.seed.count;
  await heap(`${total.toLocaleString('en')} posts cached, after reads and searches`, total);
  if (wanted('cold'))
    out.coldStart = await phase('4. cold offline start', () => measureColdStart(ctx));
}
