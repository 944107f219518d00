import type { NodeAddress, NodeView } from '../../shared/protocol';

export const MICROBLOG_NODE = 'urn:xmpp:microblog:0';
const COMMENTS_PREFIX = `${MICROBLOG_NODE}:comments/`;

/** How a node is named to people: its configured title, else what XEP-0277 says it is. */
export function nodeTitle(
  node: NodeAddress & Partial<Pick<NodeView, 'config'>>,
  account?: string,
): string {
  const title = node.config?.title?.trim();
  if (title) return title;
  if (node.node === MICROBLOG_NODE)
    return node.service === account ? 'Your microblog' : `${node.service}’s microblog`;
  if (node.node.startsWith(COMMENTS_PREFIX))
    return `Comments on ${node.node.slice(COMMENTS_PREFIX.length)}`;
  return node.node;
}

/** The address as a secondary line: the service, and the node when the title hides it. */
export function nodeSubtitle(
  node: NodeAddress & Partial<Pick<NodeView, 'config'>>,
  account?: string,
): string {
  const title = nodeTitle(node, account);
  return title === node.node ? node.service : `${node.service} · ${node.node}`;
}

/** Whether items of this node are read as XEP-0277 posts (else the generic raw-XML view). */
export function isMicroblogNode(node: Pick<NodeView, 'analyser'>): boolean {
  return node.analyser === 'microblog';
}
