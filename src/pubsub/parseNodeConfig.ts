import type { NodeConfig } from '../shared/records';
import { formValues } from './formValues';
import type { DataFormFields } from './parseDataForm';

/**
 * Reads the node configuration (XEP-0060 §8.2.1, FORM_TYPE pubsub#node_config) or the node
 * meta-data (§5.4) fields into a {@link NodeConfig}; every field is kept in `raw` for display.
 */
export function parseNodeConfig(fields: DataFormFields): NodeConfig {
  const config: NodeConfig = { raw: { ...fields } };
  const maxItems = formValues.integerOrMax(fields, 'pubsub#max_items');
  if (maxItems !== undefined) config.maxItems = maxItems;
  const persistItems = formValues.boolean(fields, 'pubsub#persist_items');
  if (persistItems !== undefined) config.persistItems = persistItems;
  // 'max' means items never expire (XEP-0460 §6): no number to keep.
  const itemExpire = formValues.integer(fields, 'pubsub#item_expire');
  if (itemExpire !== undefined) config.itemExpireSeconds = itemExpire;
  const notifyRetract = formValues.boolean(fields, 'pubsub#notify_retract');
  if (notifyRetract !== undefined) config.notifyRetract = notifyRetract;
  const accessModel = formValues.text(fields, 'pubsub#access_model');
  if (accessModel) config.accessModel = accessModel;
  const publishModel = formValues.text(fields, 'pubsub#publish_model');
  if (publishModel) config.publishModel = publishModel;
  const title = formValues.text(fields, 'pubsub#title');
  if (title) config.title = title;
  const description = formValues.text(fields, 'pubsub#description');
  if (description) config.description = description;
  return config;
}
