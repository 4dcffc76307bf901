// A pair-model training job from a data file to a saved model directory: load the pairs (DataError
// naming file:line; --skip-bad), train the classifier (grouped split, class weights, threshold on
// validation, rule baselines), then the generator on the same training / validation pairs, save both
// atomically (temp dir + rename: a cancelled or failed job leaves nothing), report. The same code runs
// in the editor's job processes and in `basepair train pairs`.
import { readDataFile } from '../core/datasets/readDataFile';
import * as path from 'node:path';
import { loadPairDataset, type PairLoadOptions } from '../core/datasets/pairs';
import { bestF1Threshold, classificationMetrics, type ClassificationMetrics } from '../core/metrics/classification';
import { currentBackend, initBackend } from '../ml/backend/initBackend';
import { Cancelled } from '../ml/engine/cancelled';
import { PAIR_BASELINE_RULES } from '../ml/pairs/baselines';
import type { LabelledPair } from '../ml/pairs/batches';
import { trainPairGenerator, type GeneratorOptions } from '../ml/pairs/generator/trainGenerator';
import { classifierCard, generatorCard } from '../ml/pairs/io/buildCards';
import { savePairModel } from '../ml/pairs/io/pairModelDir';
import { TrainingPairSet } from '../ml/pairs/io/trainingPairs';
import type { SyntheticRule } from '../ml/pairs/synthetic';
import { trainPairClassifier, type ClassifierOptions } from '../ml/pairs/trainClassifier';
import type { PairMetricsSummary } from '../protocol/editor';
import type { PairTrainingJobParams } from '../protocol/jobs';
import { backendOptionsFromEnv } from './backendEnv';
import type { PairTrainingProgress, PairTrainingReport } from '../protocol/reports';
export type { PairTrainingProgress, PairTrainingReport } from '../protocol/reports';

/** The job's parameters (data, out — replaced atomically —, epochs, seed, group, skipBad, generator) plus what the CLI and benches set. */
export interface PairTrainingJobOptions extends PairTrainingJobParams {
  /** Other loader options (column names, split labels). */
  load?: Omit<PairLoadOptions, 'groupColumn' | 'skipBad'>;
  /** Classifier options overriding the defaults (benches). */
  classifier?: Omit<ClassifierOptions, 'seed' | 'epochs' | 'file'>;
}

export interface PairJobCallbacks {
  onProgress?: (p: PairTrainingProgress) => void;
  signal?: AbortSignal;
}

function summary(m: ClassificationMetrics | undefined): PairMetricsSummary {
  return { auroc: m?.auroc ?? NaN, auprc: m?.auprc ?? NaN, accuracy: m?.accuracy ?? NaN, f1: m?.f1 ?? NaN };
}

/** Each rule baseline on `scored` pairs, its accuracy and F1 at the rule's best-F1 threshold on `valid` (as the classifier's). */
function ruleSummaries(valid: readonly LabelledPair[], scored: readonly LabelledPair[]): { name: string; test: PairMetricsSummary }[] {
  return PAIR_BASELINE_RULES.map(([name, rule]) => {
    const threshold = bestF1Threshold(valid.map((p) => p.label), valid.map((p) => rule(p.a, p.b))).threshold;
    const m = classificationMetrics(scored.map((p) => p.label), scored.map((p) => rule(p.a, p.b)), threshold);
    return { name, test: summary(m) };
  });
}

export async function runPairTraining(opts: PairTrainingJobOptions, cb: PairJobCallbacks = {}): Promise<PairTrainingReport> {
  const t0 = performance.now();
  const file = path.resolve(opts.data);
  cb.onProgress?.({ phase: 'loading', message: `reading ${file}` });
  const text = readDataFile(file);
  const data = loadPairDataset(text, opts.data, { ...(opts.load ?? {}), ...(opts.group ? { groupColumn: opts.group } : {}), skipBad: opts.skipBad ?? false });
  const seed = opts.seed ?? 1;
  const backend = currentBackend() ?? (await initBackend(backendOptionsFromEnv()));
  const records = data.records.map((r) => ({ ...r }));
  const run = await trainPairClassifier(
    records,
    { ...(opts.classifier ?? {}), seed, ...(opts.epochs !== undefined ? { epochs: opts.epochs } : {}), file: opts.data },
    {
      ...(cb.signal ? { signal: cb.signal } : {}),
      onProgress: (p) =>
        cb.onProgress?.({
          phase: 'classifier',
          epoch: p.epoch,
          maxEpochs: p.maxEpochs,
          batch: p.batch,
          batches: p.batches,
          ...(p.trainLoss !== undefined ? { trainLoss: p.trainLoss } : {}),
          ...(p.validAuroc !== undefined ? { validAuroc: p.validAuroc } : {}),
          ...(p.validLoss !== undefined ? { validLoss: p.validLoss } : {}),
        }),
    },
  );
  const train = Array.from(run.parts.train, (i) => records[i]!);
  const valid = Array.from(run.parts.valid, (i) => records[i]!);
  let gen: Awaited<ReturnType<typeof trainPairGenerator>> | undefined;
  try {
    if (opts.generator !== false) {
      const gopts: GeneratorOptions = { seed, ...(opts.generatorEpochs !== undefined ? { epochs: opts.generatorEpochs } : {}), ...(opts.generatorMaxPairs !== undefined ? { maxPairs: opts.generatorMaxPairs } : {}) };
      gen = await trainPairGenerator(train, valid, gopts, {
        ...(cb.signal ? { signal: cb.signal } : {}),
        onProgress: (p) =>
          cb.onProgress?.({ phase: 'generator', epoch: p.epoch, maxEpochs: p.maxEpochs, batch: p.batch, batches: p.batches, ...(p.trainLoss !== undefined ? { trainLoss: p.trainLoss } : {}), ...(p.validNll !== undefined ? { validNll: p.validNll } : {}) }),
      });
    }
    const synthetic: SyntheticRule | undefined =
      opts.revcompRule !== undefined ? { rule: 'reverse-complement', k: opts.revcompRule, length: Math.max(...records.map((r) => r.a.length)) } : undefined;
    const trainingPairs = TrainingPairSet.fromPairs(records);
    const card = classifierCard(run, { pairs: records, train, alphabet: data.alphabet, trainingPairs: trainingPairs.size, ...(synthetic ? { synthetic } : {}) }, gen !== undefined);
    const out = path.resolve(opts.out);
    if (cb.signal?.aborted) throw new Cancelled();
    cb.onProgress?.({ phase: 'saving', dir: out });
    await savePairModel(out, {
      classifier: run.network,
      card,
      trainingPairs,
      ...(gen ? { generator: { network: gen.network, card: generatorCard(gen, backend) } } : {}),
    });
    const split = run.metrics.test ? 'test' : 'valid';
    return {
      modelDir: out,
      name: path.basename(out),
      sizes: run.sizes,
      threshold: run.threshold,
      test: summary(run.metrics[split]),
      baselines: ruleSummaries(valid, split === 'test' ? Array.from(run.parts.test, (i) => records[i]!) : valid),
      epochsRun: run.history.length,
      pairsPerSecond: run.pairsPerSecond,
      seconds: (performance.now() - t0) / 1000,
      skipped: data.skipped.length,
      data: { file, records: records.length, alphabet: data.alphabet, labelCounts: data.labelCounts, skipped: data.skipped },
      backend: { name: backend.name, reason: backend.reason, threads: backend.threads },
      splitMethod: run.splitMethod,
      metrics: run.metrics,
      ruleBaselines: run.baselines,
      history: run.history,
      ...(gen ? { generator: { epochsRun: gen.history.length, validNll: gen.validNll, pairs: gen.pairs, history: gen.history } } : {}),
      seed,
    };
  } finally {
    run.network.dispose();
    gen?.network.dispose();
  }
}
