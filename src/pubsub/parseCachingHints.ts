import { formValues } from './formValues';
import { NS } from './namespaces';
import type { DataFormFields } from './parseDataForm';

/**
 * XEP-0460 caching hints and the XEP-0060 §5.4 meta-data fields they build on. Everything is
 * optional: a service that does not implement XEP-0460 gives at most max_items and access_model.
 */
export interface CachingHints {
  maxItems?: number | 'max';
  itemExpireSeconds?: number | 'max';
  /** persistent, semi-persistent, transient or transient-with-last-item (XEP-0460 §5). */
  persistence?: string;
  consistentItems?: boolean;
  consistentSet?: boolean;
  stableItems?: boolean;
  /** Retractions are notified even when the publisher did not ask (XEP-0460 §10). */
  alwaysNotify?: boolean;
  allowedForSuggestions?: boolean;
  purgeKeepLastItem?: boolean;
  accessModel?: string;
}

const hint = (name: string): string => `{${NS.cachingHints}}${name}`;

/** Reads caching hints from a node's pubsub#meta-data form fields (XEP-0460 §4). */
export function parseCachingHints(metaData: DataFormFields | undefined): CachingHints {
  if (!metaData) return {};
  const candidates: CachingHints = {
    maxItems: formValues.integerOrMax(metaData, 'pubsub#max_items'),
    itemExpireSeconds: formValues.integerOrMax(metaData, 'pubsub#item_expire'),
    persistence: formValues.text(metaData, hint('persistence')),
    consistentItems: formValues.boolean(metaData, hint('consistent-items')),
    consistentSet: formValues.boolean(metaData, hint('consistent-set')),
    stableItems: formValues.boolean(metaData, hint('stable-items')),
    // The XEP's text once spells it 'alway-notify'; its summary table says 'always-notify'.
    alwaysNotify:
      formValues.boolean(metaData, hint('always-notify')) ??
      formValues.boolean(metaData, hint('alway-notify')),
    allowedForSuggestions: formValues.boolean(metaData, hint('allowed-for-suggestions')),
    purgeKeepLastItem: formValues.boolean(metaData, hint('purge-keep-last-item')),
    accessModel: formValues.text(metaData, 'pubsub#access_model') || undefined,
  };
  // Leave absent hints out rather than present as undefined: the result is stored and compared.
  const defined = Object.entries(candidates).filter((entry) => entry[1] !== undefined);
  return Object.fromEntries(defined);
}
