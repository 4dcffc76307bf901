// bench/train/speed: training throughput of the regressors without tfjs-node (issue 4 speed bar:
// default >= 1,000 samples/s, seed-cnn >= 200/s at L = 107, batch 64, 2 cores). Each measurement runs in
// a fresh child process (the backend and its thread pool are per process) through the real training
// loop (the engine's fit with the regression task: batch assembly from encoded records, gradient shards,
// FusedAdam), on 2,048 synthetic records
// of exactly 107 nt with nested structures. Samples/s = training batches only, epochs 2..N (epoch 1
// warms up); several runs per configuration, median reported with the load average around each run,
// because the machine is shared. `--threads` is the wasm backend's own XNNPACK thread count; `--workers`
// the gradient workers of sharded training ('auto' = the engine's default, one per further core; 0 = all
// shards on the training thread); `--shards` the gradient shards per batch ('auto' = the engine's default).
//
//   npx tsx bench/train/speed.ts [--runs 3] [--epochs 4] [--archs default,seed-cnn] [--threads 1,2]
//                                [--workers auto,0] [--shards auto] [--backend wasm] [--out bench/results/train-speed.json]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateStructureTask } from '../../src/core/synthetic/structureTask';
import { initBackend } from '../../src/ml/backend/initBackend';
import { encodeRecord } from '../../src/ml/features/batchEncoder';
import { architectureInputs, buildNetwork, defaultConfig, type ArchitectureName } from '../../src/ml/models/architectures';
import { fit as fitTask } from '../../src/ml/engine/fit';
import { regressionTask } from '../../src/ml/regressor/regressionTask';

const ROOT = path.resolve(__dirname, '../..');
const LENGTH = 107;
const BATCH = 64;
const SAMPLES = 2048;

interface Spec {
  arch: ArchitectureName;
  threads: number;
  /** Gradient workers; undefined = the engine's default. */
  workers?: number;
  /** Gradient shards per batch; undefined = the engine's default. */
  shards?: number;
  backend: 'wasm' | 'cpu';
  epochs: number;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

async function child(spec: Spec): Promise<object> {
  const backend = await initBackend({ prefer: spec.backend, threads: spec.threads });
  const records = generateStructureTask({ n: SAMPLES + 128, seed: 7, length: LENGTH });
  const inputs = architectureInputs(spec.arch, { maxLength: LENGTH, partnersPerPosition: 1 });
  const encoded = records.map((r) => encodeRecord(r, inputs));
  const targets = Float32Array.from(records, (r) => r.target);
  const model = buildNetwork(spec.arch, inputs, defaultConfig(spec.arch), [1]);
  const fit = await fitTask(
    model,
    regressionTask({ spec: inputs, train: encoded.slice(0, SAMPLES), trainTargets: targets.slice(0, SAMPLES), valid: encoded.slice(SAMPLES), validTargets: targets.slice(SAMPLES) }),
    {
      epochs: spec.epochs,
      batchSize: BATCH,
      learningRate: 1e-3,
      patience: spec.epochs + 1,
      seed: 1,
      ...(spec.workers !== undefined ? { workers: spec.workers } : {}),
      ...(spec.shards !== undefined ? { shards: spec.shards } : {}),
    },
  );
  const rates = fit.history.slice(1).map((e) => SAMPLES / e.trainSeconds);
  const cpuRates = fit.history.slice(1).map((e) => SAMPLES / e.trainCpuSeconds);
  return {
    backend: backend.name,
    threads: backend.threads,
    shards: fit.shards,
    workers: fit.workers,
    ...(fit.workerFailure ? { workerFailure: fit.workerFailure } : {}),
    parameters: model.countParams(),
    epochTrainSeconds: fit.history.map((e) => round(e.trainSeconds, 2)),
    samplesPerSecond: Math.round(median(rates)),
    /** per second of process CPU time (all threads): what an unloaded core would give with 1 thread */
    samplesPerCpuSecond: Math.round(median(cpuRates)),
    epochTrainCpuSeconds: fit.history.map((e) => round(e.trainCpuSeconds, 2)),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

function main(): void {
  const specArg = arg('child', '');
  if (specArg) {
    child(JSON.parse(specArg) as Spec)
      .then((r) => {
        process.stdout.write(`RESULT ${JSON.stringify(r)}\n`);
        process.exit(0); // the threaded wasm build keeps worker threads alive
      })
      .catch((err) => {
        console.error(err);
        process.exit(1);
      });
    return;
  }
  const runs = Number(arg('runs', '3'));
  const epochs = Number(arg('epochs', '4'));
  const archs = arg('archs', 'default,seed-cnn').split(',') as ArchitectureName[];
  const threadCounts = arg('threads', '1,2').split(',').map(Number);
  const workerCounts = arg('workers', 'auto').split(',').map((w) => (w === 'auto' ? undefined : Number(w)));
  const shardCounts = arg('shards', 'auto').split(',').map((w) => (w === 'auto' ? undefined : Number(w)));
  const backend = arg('backend', 'wasm') as 'wasm' | 'cpu';
  const out = path.resolve(ROOT, arg('out', 'bench/results/train-speed.json'));
  const results: object[] = [];
  for (const arch of archs) {
    const grid = threadCounts.flatMap((t) => workerCounts.flatMap((w) => shardCounts.map((s) => [t, w, s] as const)));
    for (const [threads, workers, shards] of grid) {
      const spec: Spec = { arch, threads, backend, epochs, ...(workers !== undefined ? { workers } : {}), ...(shards !== undefined ? { shards } : {}) };
      const label = `${arch} threads=${threads} workers=${workers ?? 'auto'} shards=${shards ?? 'auto'}`;
      const samples: { samplesPerSecond: number; loadBefore: number[]; loadAfter: number[]; detail: object }[] = [];
      for (let r = 0; r < runs; r++) {
        const loadBefore = os.loadavg().map((x) => round(x, 2));
        const p = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--child', JSON.stringify(spec)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 << 20 });
        const line = (p.stdout ?? '').split('\n').find((l) => l.startsWith('RESULT '));
        if (!line) {
          console.error(`${label}: run failed\n${(p.stderr ?? '').split('\n').filter((l) => l.length < 400).slice(-10).join('\n')}`);
          continue;
        }
        const detail = JSON.parse(line.slice(7)) as { samplesPerSecond: number; samplesPerCpuSecond: number };
        samples.push({ samplesPerSecond: detail.samplesPerSecond, loadBefore, loadAfter: os.loadavg().map((x) => round(x, 2)), detail });
        console.error(`${label} run ${r + 1}: ${detail.samplesPerSecond} samples/s wall, ${detail.samplesPerCpuSecond} per CPU-second (load ${loadBefore.join(' ')})`);
      }
      const rates = samples.map((s) => s.samplesPerSecond);
      const cpuRates = samples.map((s) => (s.detail as { samplesPerCpuSecond: number }).samplesPerCpuSecond);
      results.push({
        arch,
        threads,
        workers: workers ?? 'auto',
        shards: shards ?? 'auto',
        backend,
        medianSamplesPerSecond: rates.length ? median(rates) : null,
        bestSamplesPerSecond: rates.length ? Math.max(...rates) : null,
        medianSamplesPerCpuSecond: cpuRates.length ? median(cpuRates) : null,
        runs: samples,
      });
    }
  }
  const report = {
    benchmark: 'train-speed',
    date: new Date().toISOString(),
    command: `npx tsx bench/train/speed.ts ${process.argv.slice(2).join(' ')}`.trim(),
    setup: { length: LENGTH, batchSize: BATCH, samplesPerEpoch: SAMPLES, epochs, measuredEpochs: `2..${epochs}`, tfjsNode: false },
    machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, node: process.version },
    results,
  };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
  console.log(JSON.stringify(results.map((r) => ({ ...(r as object), runs: undefined }))));
}

main();
