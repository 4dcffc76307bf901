// A regressor training job from a data file to a saved model directory: load (DataError naming
// file:line), resolve structures (given / MFE / base-pair probabilities), train with the TF.js
// engine, save atomically, report. The same code runs in the editor's job processes and in
// `basepair train regressor`.
import { readDataFile } from '../core/datasets/readDataFile';
import * as path from 'node:path';
import { loadRegressionDataset, type RegressionLoadOptions } from '../core/datasets/regression';
import { currentBackend, disposeModel, initBackend, saveModel, trainRegressor } from '../ml';
import { backendOptionsFromEnv } from './backendEnv';
import { resolveStructures, sourceFor } from './structures';
import type { TrainingProgress, TrainingReport } from './trainingReport';
import type { RegressorJobParams } from '../protocol/jobs';

/** The job's parameters, with every loader option (the CLI's column names and split labels). */
export interface RegressorJobOptions extends Omit<RegressorJobParams, 'load'> {
  load?: Omit<RegressionLoadOptions, 'withoutTarget'>;
}

export interface JobCallbacks {
  onProgress?: (p: TrainingProgress) => void;
  signal?: AbortSignal;
}

export async function runRegressorTraining(opts: RegressorJobOptions, cb: JobCallbacks = {}): Promise<TrainingReport> {
  const t0 = performance.now();
  const file = path.resolve(opts.data);
  cb.onProgress?.({ phase: 'loading', message: `reading ${file}` });
  const text = readDataFile(file);
  const data = loadRegressionDataset(text, opts.data, opts.load ?? {});
  const source = sourceFor(opts.structure ?? 'auto', data.hasStructure);
  const records = resolveStructures(data.records, source, {
    file: opts.data,
    signal: cb.signal,
    ...(source !== 'given' ? { onProgress: (done: number, total: number) => cb.onProgress?.({ phase: 'folding', done, total, source }) } : {}),
  });
  const seed = opts.seed ?? 1;
  if (!currentBackend()) await initBackend(backendOptionsFromEnv());
  const run = await trainRegressor(
    { records, targetName: data.targetName, structureSource: source },
    {
      ...(opts.arch ? { arch: opts.arch } : {}),
      ...(opts.epochs !== undefined ? { epochs: opts.epochs } : {}),
      ...(opts.folds !== undefined ? { folds: opts.folds } : {}),
      seed,
    },
    {
      signal: cb.signal,
      onProgress: (p) => cb.onProgress?.({ phase: 'training', ...p }),
    },
  );
  const out = path.resolve(opts.out);
  cb.onProgress?.({ phase: 'saving', dir: out });
  try {
    await saveModel(out, run.model);
  } finally {
    disposeModel(run.model);
  }
  const card = run.model.card;
  return {
    modelDir: out,
    name: path.basename(out),
    data: { file, records: data.records.length, skipped: data.skipped },
    targetName: data.targetName,
    structureSource: source,
    arch: card.architecture.name,
    backend: { name: run.backend.name, reason: run.backend.reason, threads: run.backend.threads },
    sizes: run.sizes,
    parameters: card.architecture.parameters,
    members: card.architecture.members,
    epochsRun: run.epochsRun,
    samplesPerSecond: run.samplesPerSecond,
    meanEpochSeconds: run.meanEpochSeconds,
    parallel: run.parallel,
    metrics: run.metrics,
    baselines: run.baselines,
    verdict: run.verdict,
    history: run.history.map((h) => h.map((e) => ({ ...e }))),
    predictions: run.predictions.map((p) => ({
      ...(p.id !== undefined ? { id: p.id } : {}),
      split: p.split,
      target: p.target,
      prediction: p.prediction,
      ...(p.sd !== undefined ? { sd: p.sd } : {}),
    })),
    seed,
    seconds: (performance.now() - t0) / 1000,
  };
}
