import type { NodeView } from '../../../src/shared/protocol';
import type { BenchContext } from './BenchContext';

const POLL_MS = 500;

/**
 * Waits until the session's catch-up of every imported node (a new stream catches every synced
 * node up, issue 14) has converged after `since`, and checks each still holds what was imported:
 * the measurements in the big profile run on the nodes it was built with, and not beside a
 * catch-up listing 100,000 items. Their items are on Prosody too (lib/seedImportedNodes.ts).
 */
export async function waitImportedCaughtUp(
  ctx: BenchContext,
  since: number,
  timeoutMs = 10 * 60_000,
): Promise<{ ms: number; items: Record<string, number>; failedAttempts: string[] }> {
  const started = performance.now();
  const pending = new Map(ctx.template.nodes.map((n) => [n.node, n.size]));
  const items: Record<string, number> = {};
  const failures = new Set<string>();
  while (pending.size > 0) {
    if (performance.now() - started > timeoutMs)
      throw new Error(
        `imported nodes not caught up in ${timeoutMs / 1000} s: ${[...pending.keys()].join(', ')}; failed attempts: ${[...failures].join('; ') || 'none'}`,
      );
    for (const [node, size] of [...pending]) {
      const { node: view } = (await ctx.page.evaluate(
        (a) => window.satchelBench.call('cache.getNode', a),
        { service: ctx.template.service, node },
      )) as { node: NodeView | null };
      if (!view) throw new Error(`${node} is no longer cached (deleted by its catch-up?)`);
      // A failed catch-up is retried with back-off (createCatchUp.ts): while Prosody lists the
      // 100,000-post node it answers nothing else, so the small node's requests may time out.
      if (view.catchUp?.state === 'failed') failures.add(`${node}: ${view.catchUp.error.message}`);
      if (view.catchUp || (view.lastSyncAt ?? 0) < since) continue;
      if (view.itemCount !== size)
        throw new Error(`${node} holds ${view.itemCount} items after its catch-up, not ${size}`);
      items[node] = size;
      pending.delete(node);
    }
    if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return { ms: Math.round(performance.now() - started), items, failedAttempts: [...failures] };
}
