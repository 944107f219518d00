import { xml } from '@xmpp/xml';
import type { IqCaller } from './IqCaller';
import { iqRequest } from './iqRequest';
import { NS } from './namespaces';
import { parseDataForm, type DataFormFields } from './parseDataForm';

export interface DiscoIdentity {
  category: string;
  type: string;
  name?: string;
}

export interface ServiceInfo {
  identities: DiscoIdentity[];
  features: Set<string>;
  /** XEP-0128 extended information, by FORM_TYPE (e.g. pubsub#meta-data for a node, §5.4). */
  forms: Record<string, DataFormFields>;
}

/**
 * XEP-0030 §3 disco#info on a JID, or on one of its nodes: what it is, what it supports, and
 * its extended information forms (XEP-0128; forms without a FORM_TYPE are ignored).
 */
export async function getServiceInfo(
  iq: IqCaller,
  jid: string,
  node?: string,
  options: { timeoutMs?: number } = {},
): Promise<ServiceInfo> {
  const reply = await iqRequest(
    iq,
    xml('iq', { type: 'get', to: jid }, xml('query', { xmlns: NS.discoInfo, node })),
    options.timeoutMs,
  );
  const query = reply.getChild('query', NS.discoInfo);
  const info: ServiceInfo = { identities: [], features: new Set(), forms: {} };
  if (!query) return info;
  for (const identity of query.getChildren('identity')) {
    const { category, type, name } = identity.attrs;
    if (!category || !type) continue;
    info.identities.push(name === undefined ? { category, type } : { category, type, name });
  }
  for (const feature of query.getChildren('feature')) {
    if (feature.attrs.var) info.features.add(feature.attrs.var);
  }
  for (const x of query.getChildren('x', NS.dataForms)) {
    const form = parseDataForm(x);
    if (form.formType) info.forms[form.formType] = form.fields;
  }
  return info;
}
