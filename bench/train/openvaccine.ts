// bench/train/openvaccine: the issue-4 learning bar. Trains the default model (k-fold ensemble over
// train + valid), the seed's architecture (`seed-cnn`) and optionally the sequence-only model on
// ../shared/datasets/openvaccine with its split column, and compares them on the test split with the
// built-in baselines (mean, ridge on k-mers + structure). Choices were made on validation numbers only.
//
//   npx tsx bench/train/openvaccine.ts [--data FILE] [--folds 5] [--seed 1] [--epochs N] [--patience N]
//        [--archs default,seed-cnn] [--seed-cnn-folds 1] [--threads 1] [--config JSON] [--out FILE]
//        [--append]   (merge into an existing --out file: runs of other architectures are kept)
// Writes bench/results/train-openvaccine.json (backend, sizes, epochs, epoch time, metrics of every model
// and baseline, verdict, load average).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadRegressionDataset } from '../../src/core/datasets/regression';
import { initBackend } from '../../src/ml/backend/initBackend';
import { disposeModel, isArchitectureName, trainRegressor, type ArchitectureName, type TrainResult } from '../../src/ml/index';

const ROOT = path.resolve(__dirname, '../..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

const round = (x: number | undefined, d = 4): number | null => (x === undefined || !Number.isFinite(x) ? null : Math.round(x * 10 ** d) / 10 ** d);

function summary(arch: string, folds: number, r: TrainResult, seconds: number) {
  const metrics = (m: TrainResult['metrics']['test']) =>
    m && { rmse: round(m.rmse), mae: round(m.mae), r2: round(m.r2), pearson: round(m.pearson), spearman: round(m.spearman) };
  return {
    arch,
    folds,
    parameters: r.model.card.architecture.parameters,
    epochsRun: r.history.map((h) => h.length),
    bestEpoch: r.model.card.training.bestEpoch,
    meanEpochSeconds: round(r.meanEpochSeconds, 2),
    trainSamplesPerSecond: Math.round(r.samplesPerSecond),
    /** gradient shards per batch and worker threads besides the training thread */
    parallel: r.parallel,
    wallSeconds: Math.round(seconds),
    valid: metrics(r.metrics.valid),
    test: metrics(r.metrics.test),
    verdict: r.verdict.kind,
    headline: r.verdict.headline,
  };
}

async function main(): Promise<void> {
  const file = path.resolve(ROOT, arg('data', '../shared/datasets/openvaccine/data.tsv'));
  if (!fs.existsSync(file)) {
    console.error(`openvaccine data not found at ${file} (pass --data FILE)`);
    process.exit(2);
  }
  const folds = Number(arg('folds', '5'));
  const seed = Number(arg('seed', '1'));
  // epochs and patience: the engine's defaults (per architecture) unless given
  const schedule = {
    ...(process.argv.includes('--epochs') ? { epochs: Number(arg('epochs', '')) } : {}),
    ...(process.argv.includes('--patience') ? { patience: Number(arg('patience', '')) } : {}),
  };
  const seedCnnFolds = Number(arg('seed-cnn-folds', '1'));
  const archs = arg('archs', 'default,seed-cnn').split(',');
  const config = JSON.parse(arg('config', '{}')) as object;
  const out = path.resolve(ROOT, arg('out', 'bench/results/train-openvaccine.json'));
  const backend = await initBackend({ threads: Number(arg('threads', '1')) });
  console.error(`backend: ${backend.name} (${backend.reason})`);

  const data = loadRegressionDataset(fs.readFileSync(file, 'utf8'), file);
  const records = data.records;
  const runs: ReturnType<typeof summary>[] = [];
  let baselines: TrainResult['baselines'] | undefined;
  let verdict: TrainResult['verdict'] | undefined;
  let sizes: TrainResult['sizes'] | undefined;
  const loadBefore = os.loadavg();
  for (const arch of archs) {
    if (!isArchitectureName(arch)) throw new Error(`unknown architecture ${arch}`);
    const k = arch === 'seed-cnn' ? seedCnnFolds : folds;
    const started = performance.now();
    const result = await trainRegressor(
      { records, targetName: data.targetName, structureSource: 'given' },
      { arch: arch as ArchitectureName, folds: k, seed, ...schedule, ...(arch === 'seed-cnn' ? {} : { config }) },
      {
        onProgress: (p) =>
          console.error(
            `${arch} member ${p.member}/${p.members} epoch ${p.epoch}: train ${p.trainLoss.toFixed(4)} valid ${p.validLoss.toFixed(4)} ` +
              `spearman ${p.validSpearman.toFixed(4)} (${p.epochSeconds.toFixed(1)} s)`,
          ),
      },
    );
    const s = summary(arch, k, result, (performance.now() - started) / 1000);
    console.error(JSON.stringify(s));
    runs.push(s);
    if (arch === 'default' || !baselines) {
      baselines = result.baselines;
      sizes = result.sizes;
      if (arch === 'default') verdict = result.verdict;
    }
    disposeModel(result.model);
  }
  const report = {
    benchmark: 'train-openvaccine',
    date: new Date().toISOString(),
    command: `npx tsx bench/train/openvaccine.ts ${process.argv.slice(2).join(' ')}`.trim(),
    machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, node: process.version, loadavgBefore: loadBefore.map((x) => round(x, 2)), loadavgAfter: os.loadavg().map((x) => round(x, 2)) },
    backend: { name: backend.name, reason: backend.reason, threads: backend.threads, tfjs: backend.tfjsVersion },
    input: { file: path.relative(ROOT, file), records: records.length, sizes },
    runs,
    baselines: baselines && {
      valid: baselines.valid?.map((b) => ({ name: b.name, spearman: round(b.metrics.spearman), r2: round(b.metrics.r2), rmse: round(b.metrics.rmse) })),
      test: baselines.test?.map((b) => ({ name: b.name, spearman: round(b.metrics.spearman), r2: round(b.metrics.r2), rmse: round(b.metrics.rmse), mae: round(b.metrics.mae), pearson: round(b.metrics.pearson) })),
    },
    verdict,
  };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  if (process.argv.includes('--append') && fs.existsSync(out)) {
    // keep the other architectures' runs (e.g. seed-cnn run in a second process); newest first
    const previous = JSON.parse(fs.readFileSync(out, 'utf8')) as typeof report & { commands?: string[] };
    const kept = previous.runs.filter((r) => !runs.some((n) => n.arch === r.arch));
    report.runs = [...runs, ...kept];
    Object.assign(report, { commands: [report.command, ...(previous.commands ?? [previous.command])] });
    if (!report.verdict && previous.verdict) report.verdict = previous.verdict;
    if (!archs.includes('default') && previous.baselines) report.baselines = previous.baselines;
  }
  fs.writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
  console.log(JSON.stringify({ out: path.relative(ROOT, out), runs: runs.map((r) => ({ arch: r.arch, folds: r.folds, valid: r.valid?.spearman, test: r.test?.spearman })), ridgeTest: report.baselines?.test?.[1]?.spearman }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
