import type { NodeConfig } from '../shared/records';
import type { SubmitFields } from './buildSubmitForm';

/**
 * The pubsub#node_config fields (XEP-0060 §16.4) to submit for a {@link NodeConfig}: `raw`
 * first (so a configuration read with getNodeConfig round-trips), then the typed fields that
 * are set, which win over `raw` when both name the same field.
 */
export function nodeConfigFields(config: NodeConfig): SubmitFields {
  const typed: SubmitFields = {
    'pubsub#max_items': config.maxItems,
    'pubsub#persist_items': config.persistItems,
    'pubsub#item_expire': config.itemExpireSeconds,
    'pubsub#notify_retract': config.notifyRetract,
    'pubsub#access_model': config.accessModel,
    'pubsub#publish_model': config.publishModel,
    'pubsub#title': config.title,
    'pubsub#description': config.description,
  };
  const fields: SubmitFields = { ...config.raw };
  for (const [name, value] of Object.entries(typed)) {
    if (value !== undefined) fields[name] = value;
  }
  return fields;
}
