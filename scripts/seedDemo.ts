import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildDemoContent } from './lib/demoContent';
import { connectPeer, type XmppPeer } from './lib/xmppPeer';

export interface SeedDemoOptions {
  microblogPosts?: number;
  /** Default: pubsub.<the peer's domain>. */
  pubsubService?: string;
  ownerName?: string;
  now?: Date;
  /** Publish requests in flight per node. */
  concurrency?: number;
}

export interface SeedDemoResult {
  nodes: number;
  items: number;
  ms: number;
}

/**
 * Publishes the demo content (scripts/lib/demoContent.ts) as `peer`: the microblog and tunes on
 * the peer's own PEP service, comments and news on the pubsub component. Idempotent: nodes are
 * created or reconfigured, items keep their ids, so a second run overwrites the first. The
 * account subscribes to its microblog and the news node: its first sign-in follows them.
 */
export async function seedDemo(
  peer: XmppPeer,
  options: SeedDemoOptions = {},
): Promise<SeedDemoResult> {
  const started = performance.now();
  const domain = peer.bareJid.split('@')[1] ?? 'localhost';
  const nodes = buildDemoContent({
    ownerJid: peer.bareJid,
    ownerName: options.ownerName,
    pubsubService: options.pubsubService ?? `pubsub.${domain}`,
    microblogPosts: options.microblogPosts ?? 50,
    now: options.now,
  });
  let items = 0;
  for (const node of nodes) {
    await peer.createNode(node.service, node.node, node.config);
    await peer.publishMany(node.service, node.node, node.items, options.concurrency ?? 8);
    if (node.subscribe) await peer.subscribe(node.service, node.node);
    items += node.items.length;
  }
  return { nodes: nodes.length, items, ms: Math.round(performance.now() - started) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      ws: { type: 'string' },
      jid: { type: 'string' },
      password: { type: 'string' },
      posts: { type: 'string', default: '50' },
    },
  });
  if (!values.ws || !values.jid || !values.password) {
    console.error(
      'Usage: tsx scripts/seedDemo.ts --ws WS_URL --jid USER@DOMAIN --password PW [--posts N]',
    );
    process.exit(2);
  }
  const peer = await connectPeer({ wsUrl: values.ws, jid: values.jid, password: values.password });
  try {
    const result = await seedDemo(peer, { microblogPosts: Number(values.posts) });
    console.log(`Seeded ${result.items} items in ${result.nodes} nodes in ${result.ms} ms`);
  } finally {
    await peer.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
