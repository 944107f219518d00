import { NS } from './namespaces';
import type { ServiceInfo } from './getServiceInfo';
import { parseCachingHints, type CachingHints } from './parseCachingHints';

/** What a pubsub service (or one node) says it supports; nothing here is assumed. */
export interface PubsubCapabilities {
  /** Identity pubsub/service (XEP-0060 §5.1). */
  isPubsubService: boolean;
  /** Identity pubsub/pep (XEP-0163 §4). */
  isPep: boolean;
  /** Items can be paged with XEP-0059 (XEP-0060 §6.5.4 feature pubsub#rsm). */
  rsm: boolean;
  /** The node (or service) keeps a XEP-0313 archive (§8: feature urn:xmpp:mam:2). */
  mam: boolean;
  /** XEP-0460 feature urn:xmpp:pubsub-caching:0. */
  cachingHints: boolean;
  /** Hints read from the pubsub#meta-data form (node disco#info), whether or not advertised. */
  hints: CachingHints;
  publish: boolean;
  publishOptions: boolean;
  retrieveItems: boolean;
  retractItems: boolean;
  persistentItems: boolean;
  subscribe: boolean;
  retrieveSubscriptions: boolean;
  createNodes: boolean;
  instantNodes: boolean;
  configNode: boolean;
  deleteNodes: boolean;
  purgeNodes: boolean;
  lastPublished: boolean;
  /** Publishers may choose item ids (§10 feature item-ids). */
  itemIds: boolean;
}

/** Reads capabilities from a disco#info answer (XEP-0060 §10 features). */
export function detectCapabilities(info: ServiceInfo): PubsubCapabilities {
  const has = (feature: string): boolean => info.features.has(`${NS.pubsub}#${feature}`);
  const identity = (type: string): boolean =>
    info.identities.some((id) => id.category === 'pubsub' && id.type === type);
  return {
    isPubsubService: identity('service'),
    isPep: identity('pep'),
    // XEP-0059 §8: a generic RSM feature counts too; getItems still reports whether a page came.
    rsm: info.features.has(NS.pubsubRsmFeature) || info.features.has(NS.rsm),
    mam: info.features.has(NS.mam),
    cachingHints: info.features.has(NS.cachingHints),
    hints: parseCachingHints(info.forms[NS.metaData]),
    publish: has('publish'),
    publishOptions: has('publish-options'),
    retrieveItems: has('retrieve-items'),
    retractItems: has('retract-items') || has('delete-items'),
    persistentItems: has('persistent-items'),
    subscribe: has('subscribe'),
    retrieveSubscriptions: has('retrieve-subscriptions'),
    createNodes: has('create-nodes'),
    instantNodes: has('instant-nodes'),
    configNode: has('config-node'),
    deleteNodes: has('delete-nodes'),
    purgeNodes: has('purge-nodes'),
    lastPublished: has('last-published'),
    itemIds: has('item-ids'),
  };
}
