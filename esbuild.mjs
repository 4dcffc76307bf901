// Build script: bundles the extension (client), the language server, the processes that run TF.js (the
// CLI, job, compute and gradient-worker processes: one bundle, dist/basepair.js, with a stub each), the webview panels
// (browser bundles, dist/webview/<panel>.js) and, with --tests, the integration-test suite and the
// test-host harness. One esbuild context per output group.
//   node esbuild.mjs               development build into dist/
//   node esbuild.mjs --production  minified build (used by `npm run package`)
//   node esbuild.mjs --tests       also builds dist-test/ (integration suite, code-server shim)
//   node esbuild.mjs --watch       rebuild on change
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const tests = args.has('--tests');
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  define: { 'process.env.BASEPAIR_VERSION': JSON.stringify(pkg.version) },
};

/** Resolves the @tensorflow/tfjs umbrella to src/ml/tfjsBundled.ts (no WebGL, converter or tfjs-data). */
const tfjsWithoutUmbrella = {
  name: 'tfjs-without-umbrella',
  setup(build) {
    build.onResolve({ filter: /^@tensorflow\/tfjs$/ }, () => ({ path: path.resolve('src/ml/tfjsBundled.ts') }));
  },
};

/** @type {esbuild.BuildOptions[]} */
const builds = [
  {
    ...common,
    entryPoints: { extension: 'src/client/extension.ts' },
    outdir: 'dist',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: { server: 'src/server/main.ts' },
    outdir: 'dist',
  },
  {
    // every process that runs TF.js, in one bundle (src/processEntry.ts), started through the stubs below;
    // TF.js from its ES module builds, the umbrella replaced by the parts we use (src/ml/tf.ts)
    ...common,
    entryPoints: { basepair: 'src/processEntry.ts' },
    outdir: 'dist',
    mainFields: ['module', 'main'],
    plugins: [tfjsWithoutUmbrella],
  },
  {
    ...common,
    // webview/<panel>/main.ts -> dist/webview/<panel>.js, loaded by the panel's HTML (webviewHtml.ts)
    entryPoints: { structure: 'webview/structure/main.ts', training: 'webview/training/main.ts', pairs: 'webview/pairs/main.ts' },
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

if (tests) {
  const integration = fs
    .readdirSync('test/integration')
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join('test/integration', f));
  builds.push(
    {
      ...common,
      sourcemap: 'inline',
      entryPoints: integration,
      outdir: 'dist-test/integration',
      external: ['vscode', 'mocha'],
    },
    {
      ...common,
      sourcemap: false,
      entryPoints: ['test/support/code-server-shim.ts', 'test/support/run-integration.ts'],
      outdir: 'dist-test/support',
      external: ['playwright-core', '@vscode/test-electron'],
      banner: { js: '#!/usr/bin/env node' },
    },
  );
}

/** The processes of dist/basepair.js: a stub per process (src/processEntry.ts names the roles). */
const PROCESS_STUBS = { cli: 'cli', job: 'job', compute: 'compute', gradientWorker: 'gradient-worker' };

function writeProcessStubs() {
  fs.mkdirSync('dist', { recursive: true });
  for (const [file, role] of Object.entries(PROCESS_STUBS)) {
    const shebang = file === 'cli' ? '#!/usr/bin/env node\n' : '';
    fs.writeFileSync(`dist/${file}.js`, `${shebang}'use strict';\n// ${role} process of Basepair (the code is in basepair.js)\nrequire('./basepair.js').start('${role}');\n`);
  }
}

/** The TF.js wasm binaries (SIMD; threaded SIMD for basepair.ml.threads > 1) next to the bundle that
 *  loads them (basepair.js). */
function copyWasm() {
  fs.mkdirSync('dist', { recursive: true });
  for (const f of ['tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) {
    fs.copyFileSync(`node_modules/@tensorflow/tfjs-backend-wasm/dist/${f}`, `dist/${f}`);
  }
}

function makeExecutable() {
  for (const f of ['dist/cli.js', 'dist-test/support/code-server-shim.js']) {
    if (fs.existsSync(f)) fs.chmodSync(f, 0o755);
  }
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  writeProcessStubs();
  copyWasm();
  console.log('[esbuild] watching');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  writeProcessStubs();
  copyWasm();
  makeExecutable();
}
