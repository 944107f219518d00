import { useState } from 'preact/hooks';
import type { NodeStats, PurgeScope } from '../../../shared/cacheManagement';
import type { SatchelError } from '../../../shared/SatchelError';
import { plural } from '../../format/count';
import { nodeTitle } from '../../format/nodeTitle';
import { useRpc } from '../../rpcContext';
import { ConfirmButton } from './ConfirmButton';

interface Props {
  nodes: NodeStats[];
  account: string | undefined;
  onChanged: () => void;
  onError: (error: SatchelError) => void;
}

/** "Remove items older than a date": of one feed, of a kind of feed, or all. Pins stay. */
export function PurgeForm({ nodes, account, onChanged, onError }: Props) {
  const rpc = useRpc();
  const [day, setDay] = useState('');
  const [scope, setScope] = useState('all');
  const [done, setDone] = useState<string>();
  const types = [...new Set(nodes.flatMap((n) => (n.type === undefined ? [] : [n.type])))].sort();
  const toScope = (): PurgeScope => {
    if (scope.startsWith('type:')) return { scope: 'type', type: scope.slice(5) };
    if (scope.startsWith('node:')) {
      const [service, node] = JSON.parse(scope.slice(5)) as [string, string];
      return { scope: 'node', service, node };
    }
    return { scope: 'all' };
  };
  const purge = async () => {
    const [y, m, d] = day.split('-').map(Number);
    const before = new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1).getTime();
    const { removed } = await rpc.call('cache.purgeOlderThan', { ...toScope(), before });
    setDone(`Removed ${plural(removed, 'item')}.`);
    onChanged();
  };
  return (
    <section class="purge" aria-labelledby="purge-heading">
      <h2 id="purge-heading">Remove old items</h2>
      <div class="purge-form">
        <label>
          Created before{' '}
          <input type="date" value={day} onInput={(e) => setDay(e.currentTarget.value)} />
        </label>
        <label>
          From
          <select value={scope} onChange={(e) => setScope(e.currentTarget.value)}>
            <option value="all">every feed</option>
            {types.map((t) => (
              <option key={t} value={`type:${t}`}>
                every {t} feed
              </option>
            ))}
            {nodes.map((n) => (
              <option
                key={`${n.service}\n${n.node}`}
                value={`node:${JSON.stringify([n.service, n.node])}`}
              >
                {nodeTitle(
                  { ...n, ...(n.title !== undefined && { config: { title: n.title } }) },
                  account,
                )}
              </option>
            ))}
          </select>
        </label>
        <ConfirmButton
          label="Remove"
          question={`Remove the unpinned items created before ${day}? They come back only by a resync.`}
          danger
          disabled={day === ''}
          run={purge}
          onError={onError}
        />
      </div>
      {done ? (
        <p class="muted" role="status">
          {done}
        </p>
      ) : null}
    </section>
  );
}
