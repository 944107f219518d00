/**
 * The layer rule. Read docs/architecture.md first: each folder of src/ is a layer, and a layer
 * may import only the layers listed for it here. `npm run lint:layers` fails on any other import.
 */
const layers = {
  shared: [],
  search: ['shared'],
  db: ['shared', 'search'],
  analysers: ['shared'],
  xmpp: ['shared'],
  pubsub: ['shared', 'xmpp'],
  cache: ['shared', 'db', 'pubsub', 'analysers', 'xmpp', 'search'],
  rpc: ['shared'],
  sw: ['shared', 'db', 'analysers', 'xmpp', 'pubsub', 'cache', 'rpc', 'search'],
  ui: ['shared', 'rpc'],
};

const forbidden = Object.entries(layers).map(([layer, allowed]) => ({
  name: `layer-${layer}`,
  comment: `src/${layer} may import only: ${allowed.length ? allowed.join(', ') : 'nothing in src'}`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: {
    path: '^src/([^/]+)/',
    pathNot: [`^src/(${[layer, ...allowed, 'types'].join('|')})/`],
  },
}));

module.exports = {
  forbidden: [
    ...forbidden,
    {
      name: 'only-db-touches-indexeddb',
      comment: 'Pages never open IndexedDB: only src/db imports Dexie.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/db/' },
      to: { path: 'node_modules/dexie' },
    },
    {
      name: 'only-xmpp-touches-the-socket',
      comment:
        'Only the worker talks XMPP: @xmpp/* stays in src/xmpp, src/pubsub, src/analysers, src/cache, src/sw.',
      severity: 'error',
      from: { path: '^src/(ui|rpc|db|shared|search)/' },
      to: { path: 'node_modules/@xmpp' },
    },
    {
      name: 'rpc-sides-stay-apart',
      comment: 'The page side of the RPC never imports the worker side, nor the reverse.',
      severity: 'error',
      from: { path: '^src/rpc/(client|server)/' },
      to: { path: '^src/rpc/(client|server)/', pathNot: '^src/rpc/$1/' },
    },
    {
      name: 'search-through-its-index',
      comment:
        'src/db/search is the planner and the word index: the rest of src/db calls it through its index.ts only.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/db/search/' },
      to: { path: '^src/db/search/', pathNot: '^src/db/search/index\\.ts$' },
    },
    {
      name: 'query-through-its-index',
      comment:
        'src/db/query holds field conditions and what each operator means: others call its index.ts only.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/db/query/' },
      to: { path: '^src/db/query/', pathNot: '^src/db/query/index\\.ts$' },
    },
    {
      name: 'frozen-migrations',
      comment:
        'A schema version runs forever what it runs today: src/db/versions imports nothing live from src (docs/schema-versions.md); copy what it needs into versions/frozen.',
      severity: 'error',
      from: { path: '^src/db/versions/' },
      to: { path: '^src/', pathNot: '^src/db/versions/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.sw.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
