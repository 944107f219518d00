/**
 * The one intersection of key lists: the keys every list holds and `keep` accepts, in the
 * smallest list's order (read smallest first, so most keys are rejected by the first lookup).
 * The candidates plan and the exact count both intersect what their indexes listed this way.
 */
export function intersectKeys<K>(
  lists: ReadonlyArray<ReadonlyMap<string, K>>,
  keep: (key: K) => boolean,
): K[] {
  const [smallest, ...others] = [...lists].sort((a, b) => a.size - b.size);
  if (!smallest) return [];
  const keys: K[] = [];
  for (const [id, key] of smallest)
    if (keep(key) && others.every((list) => list.has(id))) keys.push(key);
  return keys;
}
