import type { Route } from '../router/paths';
import { BrowseView } from '../views/browse/BrowseView';
import { ServiceNodesView } from '../views/browse/ServiceNodesView';
import { NotFoundView } from '../views/common/NotFoundView';
import { OpenUriView } from '../views/common/OpenUriView';
import { FeedView } from '../views/feed/FeedView';
import { HomeView } from '../views/home/HomeView';
import { ItemView } from '../views/item/ItemView';
import { LazyManageView } from '../views/manage/LazyManageView';
import { LazySearchView } from '../views/search/LazySearchView';

/** The view a route names; a key per address so a new feed or item starts from a clean state. */
export function RouteView({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <HomeView />;
    case 'browse':
      return <BrowseView />;
    case 'service':
      return <ServiceNodesView key={route.service} service={route.service} />;
    case 'feed':
      return (
        <FeedView
          key={`${route.service}\n${route.node}`}
          service={route.service}
          node={route.node}
        />
      );
    case 'item':
      return (
        <ItemView
          key={`${route.service}\n${route.node}\n${route.id}`}
          service={route.service}
          node={route.node}
          id={route.id}
        />
      );
    case 'open':
      return <OpenUriView uri={route.uri} />;
    case 'search':
      return <LazySearchView />;
    case 'manage':
      return <LazyManageView />;
    case 'notFound':
      return <NotFoundView path={route.path} />;
  }
}
