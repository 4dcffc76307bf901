// bench/hover-while-training: how long a record hover takes in the real VS Code host while a
// regressor trains in a job process (300 OpenVaccine records, default model, both cores training).
// Runs the integration test "training a regressor in the editor › hovers are answered while a model
// trains ..." in a fresh host per run; the test records three hover latencies after the first epoch
// and writes them to $BASEPAIR_BENCH_OUT. Writes bench/results/hover-while-training.json (every
// latency, median, max, the load average of each run); asserts nothing about durations.
// Run: node esbuild.mjs --tests && npx tsx bench/hover-while-training/run.ts [--runs N]
// Needs `npm run setup:host` once.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;

interface HostRun {
  hoverLatenciesMs: number[];
  trainingStillRunning: boolean;
  loadavg: number[];
}

function hostRun(i: number): HostRun {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-bench-hover-'));
  const out = path.join(dir, 'result.json');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist-test/support/run-integration.js')], {
    cwd: ROOT,
    env: { ...process.env, BASEPAIR_TEST_GREP: '^training a regressor in the editor hovers are answered', BASEPAIR_BENCH_OUT: out },
    encoding: 'utf8',
  });
  if (r.status !== 0 || !fs.existsSync(out)) throw new Error(`host run ${i} failed:\n${r.stdout}\n${r.stderr}`);
  const result = JSON.parse(fs.readFileSync(out, 'utf8')) as HostRun;
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`run ${i}: hover latencies ${result.hoverLatenciesMs.join(', ')} ms while training (load average ${result.loadavg[0]!.toFixed(2)})`);
  return result;
}

function main(): void {
  const results: HostRun[] = [];
  for (let i = 1; i <= runs; i++) results.push(hostRun(i));
  const all = results.flatMap((r) => r.hoverLatenciesMs).sort((a, b) => a - b);
  const report = {
    benchmark: 'hover-while-training',
    date: new Date().toISOString(),
    command: `npx tsx bench/hover-while-training/run.ts ${args.join(' ')}`.trim(),
    machine: { cpu: os.cpus()[0]?.model ?? '?', cores: os.cpus().length },
    work: 'record hover (48 nt: id, composition, MFE fold) in the real host while the default regressor trains on 300 OpenVaccine records in a job process',
    runs: results.length,
    hoverMs: { median: all[all.length >> 1], max: all[all.length - 1], all },
    perRun: results,
  };
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench/results/hover-while-training.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(JSON.stringify(report.hoverMs));
}

main();
