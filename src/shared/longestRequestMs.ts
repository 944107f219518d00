/**
 * The longest a request of ours may wait for its answer: a node listing, which Prosody 0.12
 * builds by reading every item (25 to 29 s for 50,000 on a 2-core machine, docs/reliability.md).
 * The XMPP layer keeps its stream-management patience above it (createXmppClient.ts): a server
 * busy answering us is not a dead one.
 */
export const LONGEST_REQUEST_MS = 120_000;
