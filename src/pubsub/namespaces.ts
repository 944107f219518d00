/**
 * XML namespaces and discovery features the pubsub client speaks. One table so a typo cannot
 * hide in a string literal somewhere else.
 */
export const NS = {
  /** XEP-0060 §5 to §7: the entity use cases. */
  pubsub: 'http://jabber.org/protocol/pubsub',
  /** XEP-0060 §8: owner use cases (configure, delete, purge). */
  pubsubOwner: 'http://jabber.org/protocol/pubsub#owner',
  /** XEP-0060 §7.1.2: event notifications carried in <message/>. */
  pubsubEvent: 'http://jabber.org/protocol/pubsub#event',
  /** XEP-0060 §7.1.3 and friends: application-specific error conditions. */
  pubsubErrors: 'http://jabber.org/protocol/pubsub#errors',
  /** XEP-0060 §16.4: FORM_TYPE of the node configuration form. */
  nodeConfig: 'http://jabber.org/protocol/pubsub#node_config',
  /** XEP-0060 §7.1.5: FORM_TYPE of the publish-options form. */
  publishOptions: 'http://jabber.org/protocol/pubsub#publish-options',
  /** XEP-0060 §5.4: FORM_TYPE of node meta-data in disco#info. */
  metaData: 'http://jabber.org/protocol/pubsub#meta-data',
  /** XEP-0060 §6.3: FORM_TYPE of the subscription options form. */
  subscribeOptions: 'http://jabber.org/protocol/pubsub#subscribe_options',
  /** XEP-0060 §6.5.4: feature a service advertises when it pages items with RSM. */
  pubsubRsmFeature: 'http://jabber.org/protocol/pubsub#rsm',
  /** XEP-0030. */
  discoInfo: 'http://jabber.org/protocol/disco#info',
  discoItems: 'http://jabber.org/protocol/disco#items',
  /** XEP-0059: Result Set Management. */
  rsm: 'http://jabber.org/protocol/rsm',
  /** XEP-0313 §8: archives on pubsub nodes. */
  mam: 'urn:xmpp:mam:2',
  /** XEP-0004. */
  dataForms: 'jabber:x:data',
  /** XEP-0203: delayed delivery stamp. */
  delay: 'urn:xmpp:delay',
  /** XEP-0460: caching hints feature, and the prefix of its meta-data field names. */
  cachingHints: 'urn:xmpp:pubsub-caching:0',
  /** RFC 6121 §2: the roster. */
  roster: 'jabber:iq:roster',
  /** XEP-0277 §3: a user's microblog, a node of their PEP service (their bare JID). */
  microblog: 'urn:xmpp:microblog:0',
  /** RFC 6120 §8.3: stanza error conditions. */
  stanzas: 'urn:ietf:params:xml:ns:xmpp-stanzas',
} as const;
