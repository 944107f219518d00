/** What a catch-up must do to make a node's cache equal the server's (catchUpNode.ts). */
export interface CatchUpPlan {
  /** Cached items the server no longer holds: retracted (or purged) while away. */
  remove: string[];
  /** Items to fetch: new ones, ones published again (edited), and ones we cannot place. */
  fetch: string[];
  /** No listing of the last catch-up to compare with: also refresh the newest items. */
  refreshNewest: boolean;
}

/**
 * Plans a catch-up from the server's item ids now (XEP-0060 §5.5 disco#items, newest first as
 * Prosody and ejabberd list them), the ids cached now, and the server's listing when the node
 * last converged. An item published again under its id (an edit, §7.1.2) keeps its id but moves
 * to the top of the listing; the items of the last listing that are still in its order form the
 * longest run of increasing former positions, and every other one moved: it is fetched again.
 * Items cached since that listing (live events) have no former position and are fetched too.
 * Without a former listing, the newest items are refreshed instead (`refreshNewest`).
 *
 * One edit leaves no trace in the order: the newest items published again oldest first (the
 * newest post corrected, or the last few, older first) list exactly as before. The newest
 * NEWEST_REFETCH items are therefore always fetched again: a few items of every catch-up, beside
 * a listing of the whole node. More than that many newest items edited in their order, and
 * nothing else published since, is the one change a listing cannot show (Prosody 0.12 offers no
 * MAM or timestamps on pubsub items to tell).
 */
export const NEWEST_REFETCH = 5;

export function planCatchUp(
  server: readonly string[],
  cached: ReadonlySet<string>,
  previous: readonly string[] | undefined,
): CatchUpPlan {
  const onServer = new Set(server);
  const remove = [...cached].filter((id) => !onServer.has(id));
  const fresh = server.filter((id) => !cached.has(id));
  if (!previous) return { remove, fetch: fresh, refreshNewest: true };
  const formerPosition = new Map(previous.map((id, index) => [id, index]));
  const placed: string[] = [];
  const unplaced: string[] = [];
  for (const id of server) {
    if (!cached.has(id)) continue;
    if (formerPosition.has(id)) placed.push(id);
    else unplaced.push(id);
  }
  const inOrder = longestIncreasingRun(placed.map((id) => formerPosition.get(id) ?? 0));
  const moved = placed.filter((_, index) => !inOrder.has(index));
  const fetch = [...new Set([...fresh, ...moved, ...unplaced, ...server.slice(0, NEWEST_REFETCH)])];
  return { remove, fetch, refreshNewest: false };
}

/** The indexes of one longest strictly increasing subsequence of `values` (patience sort). */
function longestIncreasingRun(values: readonly number[]): Set<number> {
  const tails: number[] = []; // tails[k]: index of the smallest tail of a run of length k + 1
  const before: number[] = new Array<number>(values.length).fill(-1);
  values.forEach((value, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((values[tails[mid] ?? 0] ?? 0) < value) low = mid + 1;
      else high = mid;
    }
    if (low > 0) before[index] = tails[low - 1] ?? -1;
    tails[low] = index;
  });
  const run = new Set<number>();
  for (let index = tails.at(-1) ?? -1; index >= 0; index = before[index] ?? -1) run.add(index);
  return run;
}
