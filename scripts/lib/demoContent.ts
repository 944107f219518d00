import { xml } from '@xmpp/xml';
import { createDemoRandom } from './demoRandom';
import {
  comments,
  commentsNode,
  iso,
  MICROBLOG_NODE,
  microblogPost,
  type DemoItem,
} from './demoMicroblog';
import { NEWS_ARTICLES, TUNES } from './demoText';

export { commentsNode, MICROBLOG_NODE, type DemoItem };
export const NEWS_NODE = 'news/satchel';
/** XEP-0118 user tune (a PEP node). */
export const TUNE_NODE = 'http://jabber.org/protocol/tune';
const DAY_MS = 86_400_000;
const SEED = 20_261_126;

export interface DemoNode {
  service: string;
  node: string;
  /** pubsub#node_config fields (XEP-0060 section 16.4.3). */
  config: Record<string, string>;
  items: DemoItem[];
  /** The demo account subscribes, so its first sign-in follows the node (Home lists it). */
  subscribe?: boolean;
}

export interface DemoContentOptions {
  /** The demo account's bare JID: its PEP service holds the microblog and the tunes. */
  ownerJid: string;
  ownerName?: string;
  /** Where comments and news live, e.g. pubsub.localhost. */
  pubsubService: string;
  microblogPosts?: number;
  /** Dates are spread over the ~8 months before this; ids and text do not depend on it. */
  now?: Date;
}

/** Open nodes that keep every item (Prosody's default keeps 20: platform-facts.md). */
function nodeConfig(title: string, itemCount: number): Record<string, string> {
  return {
    'pubsub#title': title,
    'pubsub#max_items': String(Math.max(itemCount, 100)),
    'pubsub#persist_items': '1',
    'pubsub#access_model': 'open',
  };
}

function newsArticles(nowMs: number): DemoItem[] {
  return NEWS_ARTICLES.map(([title, body], n) => ({
    id: `article-${n + 1}`,
    payload: xml(
      'article',
      { xmlns: 'urn:example:news' },
      xml('title', {}, title),
      xml('published', {}, iso(nowMs - (NEWS_ARTICLES.length - n) * 9 * DAY_MS)),
      xml('body', {}, body),
    ),
  }));
}

/** XEP-0118 tunes: the node keeps a short history rather than only the current tune. */
function tunes(): DemoItem[] {
  return TUNES.map((tune, n) => ({
    id: `tune-${n + 1}`,
    payload: xml(
      'tune',
      { xmlns: TUNE_NODE },
      xml('artist', {}, tune.artist),
      xml('length', {}, String(tune.length)),
      xml('source', {}, tune.source),
      xml('title', {}, tune.title),
    ),
  }));
}

/**
 * Every demo node and its items, deterministic: the same ids and text on every call (a seeded
 * generator, no Math.random), so publishing again overwrites rather than duplicates.
 */
export function buildDemoContent(options: DemoContentOptions): DemoNode[] {
  const context = {
    ...options,
    ownerName: options.ownerName ?? 'Satchel Demo',
    microblogPosts: options.microblogPosts ?? 50,
  };
  const random = createDemoRandom(SEED);
  const nowMs = (options.now ?? new Date()).getTime();
  const count = context.microblogPosts;
  // Oldest first, spread over ~240 days, jittered so posts do not all fall on the same hour.
  const posts = Array.from({ length: count }, (_, i) => {
    const ageMs = ((count - i) / count) * 240 * DAY_MS;
    const jitterMs = (random.int(0, 20 * 60) - 12 * 60) * 60_000;
    return microblogPost(i, nowMs - ageMs + jitterMs, context, random);
  });
  const commentNodes = posts
    .filter((post) => post.payload.getChildren('link').some((link) => link.attrs.rel === 'replies'))
    .map((post) => ({
      service: context.pubsubService,
      node: commentsNode(post.id),
      config: nodeConfig(`Comments on ${post.id}`, 100),
      items: comments(
        post.id,
        Date.parse(post.payload.getChildText('published') ?? ''),
        nowMs,
        random,
      ),
    }));
  const microblogTitle = `${context.ownerName}'s microblog`;
  return [
    {
      service: context.ownerJid,
      node: MICROBLOG_NODE,
      config: nodeConfig(microblogTitle, count),
      items: posts,
      subscribe: true,
    },
    ...commentNodes,
    {
      service: context.pubsubService,
      node: NEWS_NODE,
      config: nodeConfig('Satchel news', 100),
      items: newsArticles(nowMs),
      subscribe: true,
    },
    {
      service: context.ownerJid,
      node: TUNE_NODE,
      config: nodeConfig('Now playing', 10),
      items: tunes(),
    },
  ];
}
