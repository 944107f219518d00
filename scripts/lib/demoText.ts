// The words of the demo content: a small corpus the generator in demoContent.ts combines.
// Some of it is deliberately non-Latin (Chinese, Russian, Arabic written right to left).

export interface DemoAuthor {
  name: string;
  jid: string;
}

/** People who appear in reposts and comments (the microblog's owner is the demo account). */
export const DEMO_AUTHORS: readonly DemoAuthor[] = [
  { name: 'Juliet Capulet', jid: 'juliet@capulet.example' },
  { name: '林美 (Mei Lin)', jid: 'mei@localhost' },
  { name: 'Олег Петров', jid: 'oleg@localhost' },
  { name: 'Aroha Ngata', jid: 'aroha@localhost' },
  { name: 'Benvolio', jid: 'benvolio@montague.example' },
];

export const DEMO_CATEGORIES = [
  'xmpp',
  'offline-first',
  'pubsub',
  'travel',
  'cooking',
  'reading',
  'photography',
  'release',
  'privacy',
  'gardening',
] as const;

/** Titles and bodies for plain-text posts. */
export const TEXT_POSTS: readonly (readonly [string, string])[] = [
  ['Reading on the train', 'No signal between the two tunnels, and my feed was still there.'],
  ['Sourdough, attempt four', 'Longer proof, cooler kitchen. The crumb finally opened up.'],
  ['Notes from the meetup', 'Three talks about federation, one about forgotten passwords.'],
  ['Garden update', 'The beans climbed the fence overnight. The snails are winning.'],
  ['A quiet Sunday', 'Tea, a long book, and the phone in airplane mode on purpose.'],
  ['Why I keep my own server', 'My posts live where I can take them with me.'],
  ['Night photographs', 'Tried long exposures at the harbour. Tripod, patience, cold hands.'],
  ['Packing list', 'Charger, paper map, the offline reader synced before leaving.'],
  ['Small tools', 'The best software I use does one thing and never asks for attention.'],
  ['Backups', 'Restored last year\u2019s notes from an export. It just worked.'],
];

/** Posts whose content is HTML carried as escaped text (Atom type="html", RFC 4287 3.1.1.2). */
export const HTML_POSTS: readonly (readonly [string, string])[] = [
  [
    'Release notes',
    '<p>What changed this month:</p><ul><li>Faster sync</li><li>Fewer battery drains</li></ul>',
  ],
  [
    'A recipe worth keeping',
    '<p>Roast the tomatoes <em>first</em>, then blend.</p><p>Salt at the <strong>end</strong>.</p>',
  ],
  [
    'Links I read this week',
    '<p>Mostly about <a href="https://xmpp.org/extensions/xep-0060.html">publish-subscribe</a>.</p>',
  ],
];

/** Posts in other scripts. */
export const NON_LATIN_POSTS: readonly (readonly [string, string])[] = [
  ['离线阅读', '在没有网络的地铁里，我仍然可以读完昨天的文章。'],
  ['Дневник путешествия', 'Поезд шёл через горы, связи не было, но все заметки сохранились.'],
  ['القراءة دون اتصال', 'قرأت كل المقالات في الطائرة دون أي اتصال بالإنترنت.'],
];

export const COMMENT_TEXTS = [
  'Lovely, thanks for sharing!',
  'Same here, it saved my commute.',
  'Do you have the recipe written down somewhere?',
  'Which server do you run?',
  '很好！谢谢分享。',
  'Отличная идея.',
  'I tried this last week and it worked.',
] as const;

export const NEWS_ARTICLES: readonly (readonly [string, string])[] = [
  ['Satchel 0.1 preview', 'A first preview of the offline pubsub reader is available.'],
  ['Offline reading explained', 'Everything you open is cached on your device, nowhere else.'],
  ['Works with your server', 'Any XMPP server with publish-subscribe and WebSocket will do.'],
  ['Comments arrive', 'Microblog comments (XEP-0277) are now shown under each post.'],
  ['Search, locally', 'Search runs on your device over what was cached.'],
  ['Dark theme', 'The reader follows the system colour scheme.'],
];

export const TUNES: readonly { artist: string; title: string; source: string; length: number }[] = [
  { artist: 'Yes', title: 'Heart of the Sunrise', source: 'Yessongs', length: 686 },
  { artist: 'Nina Simone', title: 'Feeling Good', source: 'I Put a Spell on You', length: 177 },
  {
    artist: 'Ryuichi Sakamoto',
    title: 'Merry Christmas Mr. Lawrence',
    source: 'Coda',
    length: 272,
  },
  { artist: 'Fairuz', title: 'Li Beirut', source: 'Li Beirut', length: 291 },
  { artist: 'Kino', title: 'Группа крови', source: 'Группа крови', length: 286 },
];
