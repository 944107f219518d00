import { useEffect } from 'preact/hooks';
import { asMicroblogItem, entryTitle } from '../../format/microblogEntry';
import { isMicroblogNode, nodeTitle } from '../../format/nodeTitle';
import { useRpcQuery } from '../../hooks/useRpcQuery';
import { Link } from '../../router/Link';
import { goBackTo } from '../../router/navigation';
import { feedHref, homeHref } from '../../router/paths';
import { useRpc } from '../../rpcContext';
import { connection } from '../../state/appState';
import { EmptyState } from '../common/EmptyState';
import { ErrorState } from '../common/ErrorState';
import { LoadingState } from '../common/LoadingState';
import { useViewHeading } from '../common/useViewHeading';
import { MicroblogArticle } from './MicroblogArticle';
import { RawItem } from './RawItem';
import { ReadToggle } from './ReadToggle';
import { useReadOnOpen } from './useReadOnOpen';

/** `/item/:service/:node/:id`: one item, marked read when opened; Escape returns to the feed. */
export function ItemView({ service, node, id }: { service: string; node: string; id: string }) {
  const rpc = useRpc();
  const feed = { service, node };
  const back = feedHref(feed);
  const { state, retry, update } = useRpcQuery(
    async () => rpc.call('pubsub.getItems', { service, node, itemIds: [id] }, 30_000),
    [service, node, id],
  );
  const item = state.status === 'ok' ? state.data.items[0] : undefined;
  const nodeView = state.status === 'ok' ? state.data.node : undefined;
  const entry = item && nodeView && isMicroblogNode(nodeView) ? asMicroblogItem(item) : undefined;
  const heading = useViewHeading(entry ? entryTitle(entry) : id);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing =
        event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
      if (event.key === 'Escape' && !typing && !event.defaultPrevented) goBackTo(back);
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
    };
  }, [back]);

  const setRead = (read: boolean) => {
    if (!item) return Promise.resolve();
    return rpc.call('cache.markRead', { service, node, ids: [item.id], read }).then(() => {
      update((page) => ({
        ...page,
        items: page.items.map((i) => (i.id === item.id ? { ...i, read } : i)),
      }));
    });
  };
  useReadOnOpen(id, item, () => setRead(true));

  return (
    <div class="view item">
      <nav class="breadcrumbs" aria-label="Breadcrumb">
        <Link href={homeHref()}>Your feeds</Link> <span aria-hidden="true">›</span>{' '}
        <Link href={back}>{nodeView ? nodeTitle(nodeView, connection.value.account) : node}</Link>
      </nav>
      {state.status === 'loading' ? <LoadingState label="Loading the post…" /> : null}
      {state.status === 'error' ? (
        <ErrorState title="This item could not be loaded." error={state.error} onRetry={retry} />
      ) : null}
      {state.status === 'ok' && !item ? (
        <EmptyState title="This item no longer exists.">
          <p class="muted">It may have been retracted by its publisher.</p>
        </EmptyState>
      ) : null}
      {item ? <ReadToggle read={item.read} onChange={setRead} /> : null}
      {item && entry ? (
        <MicroblogArticle entry={entry} item={item} feed={feed} headingRef={heading} />
      ) : null}
      {item && !entry ? (
        <article class="post raw" aria-labelledby="item-title">
          <h1 id="item-title" ref={heading} tabIndex={-1}>
            Item {item.id}
          </h1>
          <RawItem
            item={item}
            note={
              nodeView?.analyser === 'microblog'
                ? undefined
                : 'Satchel has no reader for this kind of node: here is the item as published.'
            }
          />
        </article>
      ) : null}
    </div>
  );
}
