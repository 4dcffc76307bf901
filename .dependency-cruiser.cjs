// Layer rules of Basepair (see README "Architecture" and DESIGN.md), checked in CI by dependency-cruiser
// (`npm run check:layers`, part of `npm test`). A rule that fails names the importing and the imported file.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'No import cycles, type-only imports included.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment:
        'core/ is plain TypeScript: it imports nothing of ours outside core/ but the protocol/ leaf (the result types it computes), and neither vscode nor TF.js.',
      from: { path: '^src/core/' },
      to: { pathNot: ['^src/core/', '^src/protocol/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'protocol-is-a-leaf',
      severity: 'error',
      comment: "protocol/ imports only the JSON-RPC / LSP packages (and Node's own modules for the IPC connection), nothing of ours outside protocol/.",
      from: { path: '^src/protocol/' },
      to: {
        pathNot: ['^src/protocol/', '^node_modules/vscode-jsonrpc/', '^node_modules/vscode-languageserver-protocol/', '^node_modules/vscode-languageserver-types/'],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'webview-is-separate',
      severity: 'error',
      comment: 'webview/ talks to the client by postMessage only: no client/, server/, ml/, jobs/ or tasks/ code.',
      from: { path: '^webview/' },
      to: { path: '^src/(client|server|ml|jobs|tasks|compute|cli)' },
    },
    {
      name: 'client-without-ml',
      severity: 'error',
      comment: 'The extension host never loads TF.js or the training code.',
      from: { path: '^src/client/' },
      to: { path: ['^src/(ml|jobs|tasks|compute)/', '^node_modules/@tensorflow/'] },
    },
    {
      name: 'server-without-ml',
      severity: 'error',
      comment: 'The language server never blocks: TF.js and training run in job and compute processes.',
      from: { path: '^src/server/' },
      to: { path: ['^src/(ml|jobs|tasks|compute)/', '^node_modules/@tensorflow/'] },
    },
    {
      name: 'tfjs-through-the-facade',
      severity: 'error',
      comment: 'TF.js is imported only by src/ml/tf.ts (and its bundled stand-in) and the backend loader.',
      from: { pathNot: ['^src/ml/tf\\.ts$', '^src/ml/tfjsBundled\\.ts$', '^src/ml/backend/'] },
      to: { path: '^node_modules/@tensorflow/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json', '.d.ts'], conditionNames: ['require', 'node', 'default', 'types'], mainFields: ['main', 'types'] },
    exclude: { path: ['^dist/', '^node_modules/'] },
  },
};
