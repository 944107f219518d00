import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeAddress } from '../../../src/shared/protocol';
import { publishedMs } from '../lib/benchItems';
import { templateNode } from '../lib/cacheTemplate';
import { roundSummary, summarize, type Summary } from '../lib/stats';
import type { BenchContext } from './BenchContext';
import { searchCases, type SearchCase } from './searchQueries';

export interface SearchRow {
  size: number;
  query: string;
  kind: SearchCase['kind'];
  method: SearchCase['method'];
  /** Items answered (at most 20), the total matched and whether the total is exact. */
  items?: number;
  total?: number;
  totalExact?: boolean;
  /** Page to worker and back, in the page. */
  ms: Summary;
  /** The worker's own time, as search.query reports it (tookMs). */
  workerMs?: Summary;
}

export interface SearchResult {
  /** How each size got into the cache. */
  nodes: Array<{ size: number; node: string; how: string; importMs?: number }>;
  /** 'available', or why search.query was not measured. */
  searchQuery: string;
  rows: SearchRow[];
  errors: string[];
}

const STEP_MS = 10 * 60_000;
const WEEK_MS = 7 * 86_400_000;
const SIZES = [1_000, 10_000, 100_000];

/** Whether this checkout's protocol declares the search method. */
function declared(root: string): boolean {
  const protocol = readFileSync(join(root, 'src/shared/protocol.ts'), 'utf8');
  return /['"]search\.query['"]\s*:/u.test(protocol);
}

async function searchQueryState(ctx: BenchContext): Promise<string> {
  if (!declared(ctx.root)) return 'not available yet (src/shared/protocol.ts has no search.query)';
  try {
    await ctx.page.evaluate(
      (a) => window.satchelBench.call('search.query', { nodes: [a], max: 1 }),
      ctx.address,
    );
    return 'available';
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message.includes('unknown-method') || message.includes('does not know'))
      return 'not available yet (the built worker does not know search.query)';
    throw error;
  }
}

/**
 * Searches at 1,000, 10,000 and 100,000 posts, each size its own node. The 10,000 are the
 * synced node; 1,000 and 100,000 were imported once with `cache.importAll` into the saved
 * browser profile every run starts from (lib/cacheTemplate.ts), never published to Prosody.
 */
export async function measureSearch(ctx: BenchContext): Promise<SearchResult> {
  const { page, address } = ctx;
  const state = await searchQueryState(ctx);
  const nodes: SearchResult['nodes'] = [];
  const targets: Array<{ size: number; address: NodeAddress; endMs: number }> = [];
  for (const size of SIZES) {
    const imported = templateNode(ctx.template, size);
    if (size === ctx.prosody.seed.count) {
      nodes.push({ size, node: address.node, how: 'synced from Prosody in this run' });
      targets.push({ size, address, endMs: ctx.prosody.seed.items.endMs });
    } else if (imported) {
      const how = `cache.importAll once (${ctx.template.createdAt}), saved profile`;
      nodes.push({ size, node: imported.node, how, importMs: imported.importMs });
      targets.push({
        size,
        address: { service: ctx.template.service, node: imported.node },
        endMs: imported.endMs,
      });
    }
  }
  const rows: SearchRow[] = [];
  const errors: string[] = [];
  for (const target of targets) {
    const count = target.size;
    const middle = publishedMs(Math.floor(count / 2), {
      count,
      endMs: target.endMs,
      stepMs: STEP_MS,
      authorJid: '',
    });
    const cases = searchCases(target.address, [middle - WEEK_MS, middle]).filter(
      (c) => c.method !== 'search.query' || state === 'available',
    );
    for (const c of cases) {
      try {
        const timed = await page.evaluate(
          ([method, params]) => window.satchelBench.timeRpc(method, params, 20, 5_000),
          [c.method, c.params] as const,
        );
        rows.push({
          size: count,
          query: c.name,
          kind: c.kind,
          method: c.method,
          ...(timed.items !== undefined && { items: timed.items }),
          ...(timed.total !== undefined && { total: timed.total }),
          ...(timed.totalExact !== undefined && { totalExact: timed.totalExact }),
          ms: roundSummary(summarize(timed.ms)),
          ...(timed.workerMs.length > 0 && { workerMs: roundSummary(summarize(timed.workerMs)) }),
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        errors.push(`${c.method} ${c.name} at ${count}: ${message.split('\n')[0] ?? ''}`);
      }
    }
  }
  return { nodes, searchQuery: state, rows, errors };
}
