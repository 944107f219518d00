/** XEP-0198 stream management. */
export const NS_SM = 'urn:xmpp:sm:3';
/** RFC 6120 §4.3: the stream namespace, of `<stream:features/>`. */
export const NS_STREAMS = 'http://etherx.jabber.org/streams';
