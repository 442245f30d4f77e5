// The layering, held by a tool (npm run lint:deps, part of npm run lint and scripts/test-all.sh):
// shared/ is pure and imported by both sides; the browser's code and the server's never import
// each other; and no module imports itself round a circle. Tests, e2e and scripts are outside
// the layers (they may drive a server from shared fixtures), but still may not form circles.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'shared/ runs in the browser and in Node: nothing from server/, client/ or Node built-ins (docs/ARCHITECTURE.md).',
      severity: 'error',
      from: { path: '^shared/', pathNot: '\\.test\\.ts$|^shared/test/' },
      to: { path: '^(server|client)/' },
    },
    {
      name: 'shared-no-node-builtins',
      comment: 'shared/ must not import node:fs, node:crypto and the like: the phone runs it too.',
      severity: 'error',
      from: { path: '^shared/', pathNot: '\\.test\\.ts$|^shared/test/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'client-not-server',
      comment: 'The browser talks to the server only through shared/protocol.ts, never by importing its code.',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^server/' },
    },
    {
      name: 'server-not-client',
      comment: 'The server does not import the React app; what both need lives in shared/. The locale JSON is data both read (the plain page, server/plain/, speaks the phone\'s words).',
      severity: 'error',
      from: { path: '^server/', pathNot: '\\.test\\.ts$' },
      to: { path: '^client/', pathNot: '^client/src/i18n/.+\\.json$' },
    },
    {
      name: 'server-tests-not-client-code',
      comment: 'A server test may read the client locale (to hold the server labels equal to it), no client code.',
      severity: 'error',
      from: { path: '^server/.+\\.test\\.ts$' },
      to: { path: '^client/', pathNot: '^client/src/i18n/.+\\.json$' },
    },
    {
      name: 'no-circular',
      comment: 'An import circle makes load order matter and the layers blur: break it by moving the shared part down.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|data|test-results|playwright-report|\\.tmp)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'] },
    moduleSystems: ['es6', 'cjs'],
  },
};
