import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { SatchelError } from '../../shared/SatchelError';

export type QueryState<T> =
  | { status: 'loading'; data?: undefined }
  | { status: 'ok'; data: T }
  | { status: 'error'; error: SatchelError; data?: undefined };

/**
 * Runs `load` when `deps` change and tracks loading, data and error (a SatchelError from the
 * RPC). A late answer for old deps is dropped. `retry` runs it again; `update` edits the data
 * in place (live events), `reload` refreshes it without showing the loading state.
 */
export function useRpcQuery<T>(load: () => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback((quiet: boolean) => {
    const mine = ++generation.current;
    if (!quiet) setState({ status: 'loading' });
    loadRef.current().then(
      (data) => {
        if (generation.current === mine) setState({ status: 'ok', data });
      },
      (error: unknown) => {
        if (generation.current === mine && !quiet)
          setState({ status: 'error', error: SatchelError.from(error) });
      },
    );
  }, []);

  useEffect(() => {
    run(false);
  }, deps);
  useEffect(
    () => () => {
      generation.current++; // unmounted: drop late answers
    },
    [],
  );

  const update = useCallback((change: (data: T) => T) => {
    setState((s) => (s.status === 'ok' ? { status: 'ok', data: change(s.data) } : s));
  }, []);

  return {
    state,
    retry: useCallback(() => {
      run(false);
    }, [run]),
    reload: useCallback(() => {
      run(true);
    }, [run]),
    update,
  };
}
