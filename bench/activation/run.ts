// bench/activation: activation time of the extension in the real VS Code host (code-server's Node
// extension host through the integration harness, a fresh host per run: opening a FASTA file ->
// activate() -> language server running, as the extension logs it) and the size and contents of the
// packaged .vsix. Writes bench/results/activation.json; asserts nothing about durations.
// Run: npm run bench:activation (production bundles), or npx tsx bench/activation/run.ts [--runs N] [--package]
//   --package  first runs `npm run package` (production bundles into dist/ and the .vsix)
// Needs `node esbuild.mjs --tests` (or --production plus --tests) and `npm run setup:host` once.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

interface HostRun {
  firstActivation: boolean;
  activationMs: number;
  openToActiveMs: number;
  openToServerReadyMs: number;
  serverRssKb?: number;
  extensionHostRssKb?: number;
  node: string;
  vscode: string;
}

function vsixReport(): { file: string; bytes: number; files: number; entries: { path: string; bytes: number }[] } | undefined {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const file = path.join(ROOT, `basepair-${pkg.version}.vsix`);
  if (!fs.existsSync(file)) return undefined;
  // zipinfo -l: "-rw-r--r--  2.0 unx   12345 b-     4567 defN 24-Nov-21 12:00 extension/dist/extension.js"
  const listing = execFileSync('zipinfo', ['-l', file], { encoding: 'utf8' });
  const entries = listing
    .split('\n')
    .map((l) => /^\S+\s+\S+\s+\S+\s+(\d+)\s+\S+\s+\d+\s+\S+\s+\S+\s+\S+\s+(.+)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ path: m[2]!, bytes: Number(m[1]) }))
    .sort((a, b) => b.bytes - a.bytes);
  return { file: path.relative(ROOT, file), bytes: fs.statSync(file).size, files: entries.length, entries };
}

function hostRun(i: number): HostRun {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bp-bench-activation-')), 'result.json');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist-test/support/run-integration.js')], {
    cwd: ROOT,
    env: { ...process.env, BASEPAIR_TEST_GREP: '^activation is lazy.*activation timing', BASEPAIR_BENCH_OUT: out },
    encoding: 'utf8',
  });
  if (r.status !== 0 || !fs.existsSync(out)) throw new Error(`host run ${i} failed:\n${r.stdout}\n${r.stderr}`);
  const result = JSON.parse(fs.readFileSync(out, 'utf8')) as HostRun;
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  console.log(`run ${i}: activate() -> server running ${result.activationMs} ms, open -> active ${result.openToActiveMs} ms, open -> server ready ${result.openToServerReadyMs} ms`);
  return result;
}

function main(): void {
  if (args.includes('--package')) execFileSync('npm', ['run', 'package'], { cwd: ROOT, stdio: 'inherit' });
  const extensionJs = fs.readFileSync(path.join(ROOT, 'dist/extension.js'), 'utf8');
  const minified = !/\n\s{2,}\S/.test(extensionJs.slice(0, 20000));
  const results: HostRun[] = [];
  for (let i = 1; i <= runs; i++) results.push(hostRun(i));
  const vsix = vsixReport();
  const report = {
    benchmark: 'activation',
    date: new Date().toISOString(),
    command: `npx tsx bench/activation/run.ts ${args.join(' ')}`.trim(),
    machine: { cpu: os.cpus()[0]?.model ?? '?', cores: os.cpus().length, loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100) },
    host: { vscode: results[0]?.vscode, node: results[0]?.node, kind: 'code-server extension host (integration harness), fresh per run' },
    bundles: {
      minified,
      extensionJsBytes: Buffer.byteLength(extensionJs),
      serverJsBytes: fs.statSync(path.join(ROOT, 'dist/server.js')).size,
    },
    activation: {
      runs: results.length,
      activateToServerRunningMs: { median: median(results.map((r) => r.activationMs)), all: results.map((r) => r.activationMs) },
      openFileToActiveMs: { median: median(results.map((r) => r.openToActiveMs)), all: results.map((r) => r.openToActiveMs) },
      openFileToServerReadyMs: { median: median(results.map((r) => r.openToServerReadyMs)), all: results.map((r) => r.openToServerReadyMs) },
      serverRssKb: median(results.map((r) => r.serverRssKb ?? 0)),
      extensionHostRssKb: median(results.map((r) => r.extensionHostRssKb ?? 0)),
      allFirstActivations: results.every((r) => r.firstActivation),
    },
    vsix: vsix ? { file: vsix.file, bytes: vsix.bytes, files: vsix.files, largest: vsix.entries.slice(0, 12) } : 'not built (npm run package)',
  };
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench/results/activation.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(JSON.stringify({ activation: report.activation, vsixBytes: vsix?.bytes, minified }, null, 2));
}

main();
