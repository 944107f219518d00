import { useState } from 'preact/hooks';
import type { SearchHit } from '../../../shared/searchQuery';
import { SatchelError } from '../../../shared/SatchelError';
import { Link } from '../../router/Link';
import { itemHref } from '../../router/paths';
import { useRpc } from '../../rpcContext';
import { RelativeTime } from '../common/RelativeTime';
import { HighlightedText } from './HighlightedText';

interface Props {
  hit: SearchHit;
  nodeLabel: string;
  onError: (error: SatchelError) => void;
}

/** One result: title (or id) linking to the item, where and when, the snippet, a pin toggle. */
export function SearchHitRow({ hit, nodeLabel, onError }: Props) {
  const rpc = useRpc();
  const [pinned, setPinned] = useState(hit.pinned);
  const togglePin = () => {
    const next = !pinned;
    setPinned(next);
    rpc
      .call('cache.pin', { service: hit.service, node: hit.node, ids: [hit.id], pinned: next })
      .catch((e: unknown) => {
        setPinned(!next);
        onError(SatchelError.from(e));
      });
  };
  return (
    <li class="search-hit" data-item-id={hit.id} data-node={hit.node}>
      <div class="search-hit-main">
        <Link class="search-hit-title" href={itemHref(hit, hit.id)}>
          {hit.title && hit.title.text !== '' ? <HighlightedText value={hit.title} /> : hit.id}
        </Link>
        <span class="search-hit-meta muted">
          {nodeLabel} · <RelativeTime at={hit.created} />
          {hit.raw ? ' · raw item' : ''}
        </span>
        {hit.snippet ? (
          <p class="search-hit-snippet">
            <HighlightedText value={hit.snippet} />
          </p>
        ) : null}
      </div>
      <button
        type="button"
        class="quiet pin-toggle"
        aria-pressed={pinned}
        title={pinned ? 'Pinned: never removed by purges or retention' : 'Pin: keep it'}
        onClick={togglePin}
      >
        {pinned ? 'Pinned' : 'Pin'}
      </button>
    </li>
  );
}
