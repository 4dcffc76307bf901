// bench/large-fasta: a 1 GB FASTA through the CLI (`basepair lint` and `basepair stats`, which
// stream their input): wall time and peak RSS of each run (the child's own getrusage maxRSS,
// recorded at exit by a preload script). The input is generated in a temp dir and deleted after.
// Writes bench/results/large-fasta.json. Run: node esbuild.mjs && node --import tsx bench/large-fasta/run.ts [GB]
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateLargeFasta } from './generate';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');

interface RunResult {
  command: string;
  exitCode: number | null;
  wallSeconds: number;
  peakRssMB: number;
  stdoutBytes: number;
  stderrTail: string;
}

async function measure(args: string[], dir: string): Promise<RunResult> {
  const usage = path.join(dir, `usage-${args[0]}.json`);
  const preload = path.join(dir, 'rusage.cjs');
  fs.writeFileSync(
    preload,
    `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(usage)}, JSON.stringify(process.resourceUsage())));\n`,
  );
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--require', preload, CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdoutBytes = 0;
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdoutBytes += d.length));
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallSeconds = (performance.now() - t0) / 1000;
  const ru = JSON.parse(fs.readFileSync(usage, 'utf8')) as { maxRSS: number };
  return {
    command: `basepair ${args.map((a) => (a.startsWith(dir) ? path.basename(a) : a)).join(' ')}`,
    exitCode,
    wallSeconds: Math.round(wallSeconds * 10) / 10,
    peakRssMB: Math.round(ru.maxRSS / 1024),
    stdoutBytes,
    stderrTail: stderr.trim().split('\n').slice(-3).join('\n'),
  };
}

async function main(): Promise<void> {
  const gb = Number(process.argv[2] ?? '1');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-large-fasta-'));
  try {
    const file = path.join(dir, 'large.fasta');
    const t0 = performance.now();
    const input = generateLargeFasta(file, Math.round(gb * (1 << 30)));
    const generateSeconds = Math.round((performance.now() - t0) / 100) / 10;
    console.log(`generated ${input.bytes} bytes, ${input.records} records in ${generateSeconds} s`);
    const lint = await measure(['lint', file, '--json'], dir);
    console.log(lint);
    const stats = await measure(['stats', file, '--json'], dir);
    console.log(stats);
    const result = {
      benchmark: 'large-fasta',
      date: new Date().toISOString(),
      machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
      input: { ...input, path: undefined, megabytes: Math.round(input.bytes / 2 ** 20), generateSeconds },
      runs: [lint, stats],
      note: 'wall times on a shared machine; the CLI streams its input (core/formats/textBlocks.ts), so peak RSS does not grow with the file size',
    };
    fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'bench/results/large-fasta.json'), JSON.stringify(result, null, 2) + '\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
