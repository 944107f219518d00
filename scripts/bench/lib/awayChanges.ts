import type { Element } from '@xmpp/xml';
import type { BenchProsody } from './benchProsody';
import { benchEntry, benchItemId, liveEntry } from './benchItems';

/** What one absence changes on the 10,000-post node: 10 new posts, 5 edits, 5 retractions. */
export const AWAY_CHANGES = { added: 10, edited: 5, retracted: 5 } as const;

export interface AwayChanges {
  added: string[];
  /** Seeded posts published again under their id with a new title (XEP-0060 §7.1.2). */
  edited: string[];
  retracted: string[];
  /** The title the edited posts carry now. */
  editMark: string;
}

/**
 * Seeded post indexes for absence `run`: spread over the node, different in every run, and none
 * of `avoid`: the newest ids of the listing. Posts a former run put back (undoAwayChanges) are
 * there, and edits of the listing's top in its own order leave no trace in it (planCatchUp.ts;
 * docs/benchmarks.md): a bench that edits them measures that blind spot, not the catch-up.
 */
function spread(run: number, offset: number, count: number, avoid: ReadonlySet<string>): number[] {
  return Array.from({ length: count }, (_, k) => {
    let index = 1_000 * (k + 1) + offset + run;
    while (avoid.has(benchItemId(index))) index += 100;
    return index;
  });
}

function seededEntry(prosody: BenchProsody, index: number): Element {
  return benchEntry(index, { ...prosody.seed.items, count: prosody.seed.count });
}

/** The changes of absence `run`, made by the publisher (another client) in that order. */
export async function makeAwayChanges(
  prosody: BenchProsody,
  run: number,
  runId: string,
  avoid: ReadonlySet<string>,
): Promise<AwayChanges> {
  const { service, node } = prosody.seed;
  const peer = prosody.publisher;
  const editMark = `edited while away (${runId}, absence ${run + 1})`;
  const edited = spread(run, 0, AWAY_CHANGES.edited, avoid);
  const changes: AwayChanges = {
    added: Array.from({ length: AWAY_CHANGES.added }, (_, k) => `away-${runId}-${run}-${k}`),
    edited: edited.map(benchItemId),
    retracted: spread(run, 500, AWAY_CHANGES.retracted, avoid).map(benchItemId),
    editMark,
  };
  for (const id of changes.added)
    await peer.publish(service, node, id, liveEntry(id, prosody.seed.publisher.jid, Date.now()));
  for (const index of edited) {
    const entry = seededEntry(prosody, index);
    entry.getChild('title')?.text(editMark);
    await peer.publish(service, node, benchItemId(index), entry);
  }
  for (const id of changes.retracted) await peer.retract(service, node, id, true);
  return changes;
}

/**
 * Puts the node back as seeded: the new posts retracted, the edited and retracted ones
 * published again as they were (the next run's check republishes only missing ones).
 */
export async function undoAwayChanges(
  prosody: BenchProsody,
  made: readonly AwayChanges[],
): Promise<void> {
  const { service, node } = prosody.seed;
  const peer = prosody.publisher;
  for (const changes of made) {
    for (const id of changes.added) await peer.retract(service, node, id, false);
    for (const id of [...changes.edited, ...changes.retracted]) {
      const index = Number(id.slice('bench-'.length));
      await peer.publish(service, node, id, seededEntry(prosody, index));
    }
  }
}
