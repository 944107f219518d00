import { useRpcQuery } from '../../hooks/useRpcQuery';
import { Link } from '../../router/Link';
import { browseHref } from '../../router/paths';
import { useRpc } from '../../rpcContext';
import { EmptyState } from '../common/EmptyState';
import { ErrorState } from '../common/ErrorState';
import { LoadingState } from '../common/LoadingState';
import { useViewHeading } from '../common/useViewHeading';
import { ServiceNodeRow } from './ServiceNodeRow';

/** `/browse/:service`: a service's nodes (XEP-0060 §5.2), each to open or follow. */
export function ServiceNodesView({ service }: { service: string }) {
  const rpc = useRpc();
  const heading = useViewHeading(service);
  const { state, retry, update } = useRpcQuery(async () => {
    const [{ nodes }, followed] = await Promise.all([
      rpc.call('pubsub.listNodes', { service }, 20_000),
      rpc.call('cache.listNodes', { followedOnly: true }),
    ]);
    const following = new Set(
      followed.nodes.filter((n) => n.service === service).map((n) => n.node),
    );
    return nodes.map((n) => ({ ...n, followed: following.has(n.node) }));
  }, [service]);
  const setFollowed = (node: string, followed: boolean) => {
    update((nodes) => nodes.map((n) => (n.node === node ? { ...n, followed } : n)));
  };

  return (
    <div class="view service">
      <nav class="breadcrumbs" aria-label="Breadcrumb">
        <Link href={browseHref()}>Browse</Link> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page">{service}</span>
      </nav>
      <h1 ref={heading} tabIndex={-1}>
        Nodes on {service}
      </h1>
      {state.status === 'loading' ? <LoadingState label="Listing nodes…" /> : null}
      {state.status === 'error' ? (
        <ErrorState
          title={`The nodes of ${service} could not be listed.`}
          error={state.error}
          onRetry={retry}
        />
      ) : null}
      {state.status === 'ok' && state.data.length === 0 ? (
        <EmptyState title="This service lists no nodes." />
      ) : null}
      {state.status === 'ok' && state.data.length > 0 ? (
        <ul class="node-list" aria-label={`Nodes on ${service}`}>
          {state.data.map((n) => (
            <ServiceNodeRow
              key={n.node}
              service={service}
              entry={n}
              onFollowed={(f) => {
                setFollowed(n.node, f);
              }}
            />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
