// One training run of the pair classifier, start to metrics: split the records (the data's split
// column, else grouped by the group column or by seq_a, so one guide / miRNA never sits in two parts),
// weight the classes, train, choose the decision threshold on validation (best F1), and report AUROC,
// AUPRC and the confusion at that threshold on validation and test, beside the rule baselines on the
// same pairs, with ROC / PR curves. Writes no files (saving is atomic, elsewhere).
import type * as tf from '../tf';
import { assignSplits, type SplitFractions, type SplitMode, type SplitName } from '../../core/datasets/splits';
import { bestF1Threshold, classificationMetrics } from '../../core/metrics/classification';
import type { BackendInfo } from '../backend/initBackend';
import { currentBackend, initBackend } from '../backend/initBackend';
import { Cancelled } from '../engine/cancelled';
import { pairBaselines } from './baselines';
import type { LabelledPair } from './batches';
import { buildPairClassifier, DEFAULT_PAIR_CLASSIFIER, type PairClassifierConfig } from './classifierModel';
import { prCurve, rocCurve, type CurvePoint } from './curves';
import { classifierTask, type ClassifierEpoch } from './classifierTask';
import { fit } from '../engine/fit';
import { pairProbabilities } from './scorePairs';
import type { CardTrainingOptions } from '../engine/task';
import type { PairModelCard } from './io/pairCard';

export interface PairTrainingRecord extends LabelledPair {
  id?: string;
  split?: SplitName;
  group?: string;
  /** 1-based line in the data file (error messages). */
  line?: number;
}

export interface ClassifierOptions {
  seed?: number;
  /** Maximum epochs (early stopping usually ends sooner). Default 30. */
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  /** Epochs without validation improvement before stopping. Default 6. */
  patience?: number;
  config?: Partial<PairClassifierConfig>;
  /** 'auto' (default): split column when present, else grouped, else random. */
  split?: SplitMode;
  fractions?: SplitFractions;
  /** Group key of the grouped split and of validation carved from a split column: 'group' (the
   *  records' group column) or 'seq_a'. Default: 'group' when every record has one, else 'seq_a'. */
  groupBy?: 'group' | 'seq_a';
  /** File named in split errors. */
  file?: string;
}

export interface PairProgress {
  stage: 'classifier';
  epoch: number;
  maxEpochs: number;
  /** Within an epoch: batches done / total (epoch end: equal). */
  batch: number;
  batches: number;
  trainLoss?: number;
  validLoss?: number;
  validAuroc?: number;
  learningRate?: number;
  etaSeconds?: number;
}

export interface ScoredRecord {
  index: number;
  id?: string;
  split: 'valid' | 'test';
  label: 0 | 1;
  score: number;
}

/** What a run shares with its model card: split sizes and method, class balance, threshold, metrics. */
type CardResults = Pick<PairModelCard['training'], 'sizes' | 'splitMethod' | 'classWeights' | 'labelCounts'> & Pick<PairModelCard, 'threshold' | 'metrics' | 'baselines'>;

export interface ClassifierRun extends CardResults {
  network: tf.LayersModel;
  config: PairClassifierConfig;
  backend: BackendInfo;
  seed: number;
  /** The training options, with the gradient shards per batch (part of the numerics) and the worker threads. */
  options: Omit<CardTrainingOptions, 'seed'>;
  parts: { train: Int32Array; valid: Int32Array; test: Int32Array };
  curves: Partial<Record<'valid' | 'test', { roc: CurvePoint[]; pr: CurvePoint[] }>>;
  history: ClassifierEpoch[];
  bestEpoch: number;
  predictions: ScoredRecord[];
  pairsPerSecond: number;
}

const DEFAULTS = { seed: 1, epochs: 30, batchSize: 64, learningRate: 2e-3, patience: 6 };

export async function trainPairClassifier(
  records: readonly PairTrainingRecord[],
  options: ClassifierOptions = {},
  callbacks: { onProgress?: (p: PairProgress) => void; signal?: AbortSignal } = {},
): Promise<ClassifierRun> {
  const opts = { ...DEFAULTS, ...options };
  const backend = currentBackend() ?? (await initBackend());
  if (records.length < 10) throw new Error(`too few pairs to train (${records.length}; at least 10)`);
  const groupBy = opts.groupBy ?? (records.every((r) => r.group !== undefined && r.group !== '') ? 'group' : 'seq_a');
  const lined = records.map((r, i) => ({ split: r.split, group: r.group, line: r.line ?? i + 1, a: r.a }));
  const split = assignSplits(lined, {
    mode: opts.split ?? 'auto',
    seed: opts.seed,
    ...(opts.fractions ? { fractions: opts.fractions } : {}),
    groupOf: (r) => (groupBy === 'group' ? r.group : r.a.toUpperCase()),
    file: opts.file ?? 'data',
  });
  const pick = (idx: Int32Array) => Array.from(idx, (i) => records[i]!);
  const train = pick(split.train);
  const valid = pick(split.valid);
  const test = pick(split.test);
  if (train.length === 0) throw new Error('no training pairs after the split');
  if (valid.length === 0) throw new Error('no validation pairs: early stopping and the threshold need some (check the split)');
  const labelCounts: [number, number] = [0, 0];
  for (const r of train) labelCounts[r.label]++;
  if (labelCounts[0] === 0 || labelCounts[1] === 0) throw new Error(`the training pairs have only label ${labelCounts[0] ? 0 : 1}: a classifier needs both`);
  const classWeights: [number, number] = [train.length / (2 * labelCounts[0]), train.length / (2 * labelCounts[1])];
  const config: PairClassifierConfig = { ...DEFAULT_PAIR_CLASSIFIER, ...(opts.config ?? {}) };
  const network = buildPairClassifier(config, opts.seed);
  try {
    const batches = Math.ceil(train.length / opts.batchSize);
    let epochSeconds = 0;
    const fitted = await fit(
      network,
      classifierTask(train, valid, classWeights),
      { epochs: opts.epochs, batchSize: opts.batchSize, learningRate: opts.learningRate, patience: opts.patience, seed: opts.seed },
      {
        ...(callbacks.signal ? { signal: callbacks.signal } : {}),
        onBatch: (epoch, done, total) => callbacks.onProgress?.({ stage: 'classifier', epoch, maxEpochs: opts.epochs, batch: done, batches: total }),
        onEpoch: (e) => {
          epochSeconds += e.seconds;
          callbacks.onProgress?.({
            stage: 'classifier',
            epoch: e.epoch,
            maxEpochs: opts.epochs,
            batch: batches,
            batches,
            trainLoss: e.trainLoss,
            validLoss: e.validLoss,
            validAuroc: e.validAuroc,
            learningRate: e.learningRate,
            etaSeconds: (epochSeconds / e.epoch) * (opts.epochs - e.epoch),
          });
        },
      },
    );
    const validScores = await pairProbabilities(network, valid, 512, callbacks.signal);
    const testScores = test.length ? await pairProbabilities(network, test, 512, callbacks.signal) : new Float64Array(0);
    const validLabels = valid.map((r) => r.label);
    const testLabels = test.map((r) => r.label);
    const threshold = bestF1Threshold(validLabels, validScores).threshold;
    const metrics: ClassifierRun['metrics'] = { valid: classificationMetrics(validLabels, validScores, threshold) };
    const baselines: ClassifierRun['baselines'] = { valid: pairBaselines(valid) };
    const curves: ClassifierRun['curves'] = { valid: { roc: rocCurve(validLabels, validScores), pr: prCurve(validLabels, validScores) } };
    if (test.length) {
      metrics.test = classificationMetrics(testLabels, testScores, threshold);
      baselines.test = pairBaselines(test);
      curves.test = { roc: rocCurve(testLabels, testScores), pr: prCurve(testLabels, testScores) };
    }
    const predictions: ScoredRecord[] = [
      ...Array.from(split.valid, (i, k) => scored(records, i, 'valid', validScores[k]!)),
      ...Array.from(split.test, (i, k) => scored(records, i, 'test', testScores[k]!)),
    ];
    return {
      network,
      config,
      backend,
      seed: opts.seed,
      options: { epochs: opts.epochs, batchSize: opts.batchSize, learningRate: opts.learningRate, patience: opts.patience, gradientShards: fitted.shards, workerThreads: fitted.workers },
      parts: { train: split.train, valid: split.valid, test: split.test },
      sizes: { train: train.length, valid: valid.length, test: test.length },
      splitMethod: groupBy === 'seq_a' && split.method.includes('group') ? `${split.method}; groups = seq_a` : split.method,
      classWeights,
      labelCounts,
      threshold,
      metrics,
      baselines,
      curves,
      history: fitted.history,
      bestEpoch: fitted.bestEpoch,
      predictions,
      pairsPerSecond: fitted.trainSeconds > 0 ? fitted.trainedItems / fitted.trainSeconds : 0,
    };
  } catch (err) {
    network.dispose();
    if (callbacks.signal?.aborted) throw new Cancelled();
    throw err;
  }
}

function scored(records: readonly PairTrainingRecord[], i: number, split: 'valid' | 'test', score: number): ScoredRecord {
  const r = records[i]!;
  return { index: i, ...(r.id !== undefined ? { id: r.id } : {}), split, label: r.label, score };
}
