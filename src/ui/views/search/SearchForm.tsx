import { useEffect, useState } from 'preact/hooks';
import type { NodeView } from '../../../shared/protocol';
import { nodeTitle } from '../../format/nodeTitle';
import type { SearchState } from './searchUrl';

interface Props {
  state: SearchState;
  nodes: NodeView[];
  account: string | undefined;
  /** A new search (page 1); `replace` while typing, so history keeps one entry per search. */
  onSearch: (state: SearchState, replace: boolean) => void;
}

const TYPING_DELAY_MS = 300;
const nodeValue = (n: { service: string; node: string }) => JSON.stringify([n.service, n.node]);

/** The search box and its filters. Typing searches after a pause; Enter at once. */
export function SearchForm({ state, nodes, account, onSearch }: Props) {
  const [q, setQ] = useState(state.q);
  useEffect(() => {
    setQ(state.q);
  }, [state.q]);
  useEffect(() => {
    if (q === state.q) return;
    const timer = setTimeout(() => onSearch({ ...state, q, page: 1 }, true), TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [q]);
  const set = (change: Partial<SearchState>) =>
    onSearch({ ...state, q, ...change, page: 1 }, false);
  const types = [...new Set(nodes.flatMap((n) => (n.type === undefined ? [] : [n.type])))].sort();
  const selected =
    state.service !== undefined && state.node !== undefined
      ? nodeValue({ service: state.service, node: state.node })
      : '';

  return (
    <form
      class="search-form"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch({ ...state, q, page: 1 }, false);
      }}
    >
      <div class="search-box">
        <label for="search-q" class="visually-hidden">
          Search cached posts
        </label>
        <input
          id="search-q"
          type="search"
          name="q"
          value={q}
          placeholder="Search everything cached"
          autoComplete="off"
          spellcheck={false}
          onInput={(event) => setQ(event.currentTarget.value)}
        />
        <button type="submit">Search</button>
      </div>
      <div class="search-filters">
        <label>
          Feed
          <select
            value={selected}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (value === '') return set({ service: undefined, node: undefined });
              const [service, node] = JSON.parse(value) as [string, string];
              set({ service, node });
            }}
          >
            <option value="">All feeds</option>
            {nodes.map((n) => (
              <option key={nodeValue(n)} value={nodeValue(n)}>
                {nodeTitle(n, account)}
              </option>
            ))}
          </select>
        </label>
        {types.length > 1 ? (
          <label>
            Kind
            <select
              value={state.type ?? ''}
              onChange={(event) => set({ type: event.currentTarget.value || undefined })}
            >
              <option value="">Any</option>
              {types.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          Order
          <select
            value={`${state.order ?? (state.q.trim() === '' ? 'created' : 'relevance')}${state.dir === 'asc' ? ' asc' : ''}`}
            onChange={(event) => {
              const [order, dir] = event.currentTarget.value.split(' ') as [
                SearchState['order'],
                string | undefined,
              ];
              set({ order, dir: dir === 'asc' ? 'asc' : undefined });
            }}
          >
            <option value="relevance">Best match</option>
            <option value="created">Newest first</option>
            <option value="created asc">Oldest first</option>
            <option value="updated">Recently updated</option>
          </select>
        </label>
        <label>
          From
          <input
            type="date"
            value={state.from ?? ''}
            onChange={(event) => set({ from: event.currentTarget.value || undefined })}
          />
        </label>
        <label>
          To
          <input
            type="date"
            value={state.to ?? ''}
            onChange={(event) => set({ to: event.currentTarget.value || undefined })}
          />
        </label>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={state.pinned === true}
            onChange={(event) => set({ pinned: event.currentTarget.checked || undefined })}
          />
          Pinned only
        </label>
      </div>
    </form>
  );
}
