import { useEffect, useState } from 'preact/hooks';
import type { NodeView } from '../../../shared/protocol';
import type { SatchelError } from '../../../shared/SatchelError';
import { plural } from '../../format/count';
import { nodeTitle } from '../../format/nodeTitle';
import { useRpcQuery } from '../../hooks/useRpcQuery';
import { Link } from '../../router/Link';
import { currentPath, navigate } from '../../router/navigation';
import { useRpc } from '../../rpcContext';
import { connection } from '../../state/appState';
import { EmptyState } from '../common/EmptyState';
import { ErrorState } from '../common/ErrorState';
import { LoadingState } from '../common/LoadingState';
import { useViewHeading } from '../common/useViewHeading';
import { SearchForm } from './SearchForm';
import { SearchHelp } from './SearchHelp';
import { SearchHitRow } from './SearchHitRow';
import { PAGE_SIZE, readSearchState, searchHref, toSearchParams } from './searchUrl';

const INDEXING_RECHECK_MS = 4_000;

const nodeKey = (n: { service: string; node: string }) => `${n.service}\n${n.node}`;

/** `/search?q=…`: everything cached, searched in the worker's IndexedDB, offline too. */
export function SearchView() {
  const rpc = useRpc();
  const account = connection.value.account;
  const search = currentPath.value.split('?')[1] ?? '';
  const state = readSearchState(search);
  const heading = useViewHeading(state.q ? `Search: ${state.q}` : 'Search');
  const [exactTotal, setExactTotal] = useState<number>();
  const [actionError, setActionError] = useState<SatchelError>();
  const nodes = useRpcQuery(
    async () => (await rpc.call('cache.listNodes', { followedOnly: false })).nodes,
    [],
  );
  const results = useRpcQuery(() => rpc.call('search.query', toSearchParams(state)), [search]);

  // A lower-bound total is made exact afterwards, so the first page never waits for a count.
  useEffect(() => {
    setExactTotal(undefined);
    const data = results.state.data;
    if (!data || data.totalExact) return;
    let live = true;
    rpc.call('search.count', { ...toSearchParams(state), offset: 0 }).then(
      ({ total }) => live && setExactTotal(total),
      () => undefined, // the lower bound stays
    );
    return () => {
      live = false;
    };
  }, [results.state.data]);

  // Posts a sync stored just now may wait for the word indexer: search again once it is done
  // (its event), or every few seconds should that event have come before this answer.
  const indexing = results.state.data?.indexing === true;
  const { reload } = results;
  useEffect(() => {
    if (!indexing) return;
    const off = rpc.on('wordsIndexed', reload);
    const timer = setInterval(reload, INDEXING_RECHECK_MS);
    return () => {
      off();
      clearInterval(timer);
    };
  }, [indexing, reload]);

  const known: NodeView[] = nodes.state.data ?? [];
  const labels = new Map(known.map((n) => [nodeKey(n), nodeTitle(n, account)]));
  const data = results.state.data;
  const total = exactTotal ?? data?.total ?? 0;
  const exact = exactTotal !== undefined || data?.totalExact === true;

  return (
    <div class="view search">
      <div class="view-header">
        <h1 ref={heading} tabIndex={-1}>
          Search
        </h1>
      </div>
      <SearchForm
        state={state}
        nodes={known}
        account={account}
        onSearch={(next, replace) => navigate(searchHref(next), { replace })}
      />
      <SearchHelp />
      {actionError ? (
        <ErrorState
          title="That did not work."
          error={actionError}
          onRetry={() => setActionError(undefined)}
        />
      ) : null}
      {results.state.status === 'loading' ? <LoadingState label="Searching…" /> : null}
      {results.state.status === 'error' ? (
        <ErrorState
          title="The search failed."
          error={results.state.error}
          onRetry={results.retry}
        />
      ) : null}
      {data ? (
        <>
          <p
            class="search-summary muted"
            data-testid="search-total"
            data-exact={exact}
            aria-live="polite"
          >
            {data.hits.length === 0 && data.offset === 0
              ? 'No results'
              : exact
                ? plural(total, 'result')
                : `More than ${plural(total - 1, 'result')}`}
            {data.hits.length > 0 ? ` · ${data.tookMs} ms` : ''}
          </p>
          {indexing ? (
            <p class="search-indexing muted" data-testid="search-indexing">
              Posts synced moments ago are still being indexed for search; results update when they
              are.
            </p>
          ) : null}
          {data.hits.length === 0 && data.offset === 0 ? (
            <EmptyState title={state.q ? 'Nothing cached matches.' : 'Type words to search.'}>
              <p class="muted">
                Only what is cached on this device is searched: follow feeds to keep more.
              </p>
            </EmptyState>
          ) : (
            <ol class="search-hits" start={data.offset + 1} aria-label="Results">
              {data.hits.map((hit) => (
                <SearchHitRow
                  key={`${nodeKey(hit)}\n${hit.id}`}
                  hit={hit}
                  nodeLabel={labels.get(nodeKey(hit)) ?? hit.node}
                  onError={setActionError}
                />
              ))}
            </ol>
          )}
          <nav class="pager" aria-label="Result pages">
            {state.page > 1 ? (
              <Link href={searchHref({ ...state, page: state.page - 1 })}>Previous</Link>
            ) : null}
            {data.hasMore ? (
              <Link href={searchHref({ ...state, page: state.page + 1 })} rel="next">
                Next {PAGE_SIZE}
              </Link>
            ) : null}
          </nav>
        </>
      ) : null}
    </div>
  );
}
