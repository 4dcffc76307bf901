// One training run of the RNA regressor, start to verdict: split the records, standardise the target,
// train the network (or a k-fold ensemble), fit the baselines (mean, ridge on k-mers + structure), and
// report test and validation metrics of both with the diagnosis "does it learn?". Files are not written
// here (saveModel does that, atomically), so a cancelled run leaves nothing behind.
import * as tf from '@tensorflow/tfjs';
import { fitRegressionBaselines, type RegressionBaselines } from '../../core/baselines/regressionBaselines';
import type { SplitFractions } from '../../core/datasets/splits';
import type { SplitName } from '../../core/datasets/splits';
import { targetStats } from '../../core/diagnosis/targetStats';
import { diagnose, type NamedMetrics, type Verdict } from '../../core/diagnosis/verdict';
import { regressionMetrics, type RegressionMetrics } from '../../core/metrics/regression';
import { currentBackend, initBackend, type BackendInfo } from '../backend/initBackend';
import { encodeRecord, type EncodedRecord } from '../features/batchEncoder';
import type { SequenceInput } from '../features/structureInput';
import { FORMAT_VERSION, CARD_FORMAT, packageVersion, type ModelCard } from '../io/modelCard';
import type { RegressionModel } from '../io/modelDir';
import { architectureInputs, buildNetwork, copyMemberWeights, defaultConfig, type ArchitectureConfig, type ArchitectureName } from '../models/architectures';
import { Cancelled } from './cancelled';
import { dataHash } from './dataHash';
import { fitModel, type EpochStats } from './fitModel';
import { summarise } from './predict';
import { predictMembers } from './predictEncoded';
import { foldParts, splitRecords, type SplitMethod } from './splitRecords';
import { fitNormalisation, standardise } from './standardise';

/** A training record: sequence, structure (dot-bracket or pair probabilities), target, optional split/group. */
export interface TrainingRecord extends SequenceInput {
  target: number;
  split?: SplitName;
  group?: string;
}

export interface TrainData {
  records: readonly TrainingRecord[];
  /** Name of the target (shown in hovers and the card). Default 'target'. */
  targetName?: string;
  /** How the structures were obtained: 'given' (default), 'mfe' or 'bpp'. */
  structureSource?: string;
}

export interface TrainOptions {
  /** 'default' (structure-aware), 'seed-cnn' or 'sequence-only'. */
  arch?: ArchitectureName;
  /** Maximum epochs per member (early stopping usually ends sooner). Default 60. */
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  /** Epochs without validation improvement before stopping. Default 10. */
  patience?: number;
  seed?: number;
  /** k >= 2: k-fold ensemble over train + valid (mean +- sd per prediction). Default 1. */
  folds?: number;
  /** How to split when records carry no split: 'auto' (default) uses split, else group, else random. */
  split?: SplitMethod;
  fractions?: SplitFractions;
  /** Architecture hyperparameters overriding the defaults of `arch`. */
  config?: Partial<ArchitectureConfig>;
}

export interface TrainProgress {
  /** 1-based member (fold) being trained, of `members`. */
  member: number;
  members: number;
  epoch: number;
  maxEpochs: number;
  trainLoss: number;
  validLoss: number;
  validSpearman: number;
  learningRate: number;
  epochSeconds: number;
  /** Upper bound of the remaining time (early stopping usually ends sooner). */
  etaSeconds: number;
}

export interface TrainCallbacks {
  onProgress?: (p: TrainProgress) => void;
  /** Aborting stops training between two batches (well within 2 s) and rejects with Cancelled. */
  signal?: AbortSignal;
}

export interface RecordPrediction {
  index: number;
  id?: string;
  split: SplitName;
  target: number;
  prediction: number;
  sd?: number;
}

export interface TrainResult {
  /** The trained network + card, ready for saveModel / predict. */
  model: RegressionModel;
  backend: BackendInfo;
  sizes: { train: number; valid: number; test: number };
  /** Network metrics per split ('test' when there are test records; 'valid' = out-of-fold for ensembles). */
  metrics: Partial<Record<'valid' | 'test', RegressionMetrics>>;
  /** Baselines on the same splits. */
  baselines: Partial<Record<'valid' | 'test', NamedMetrics[]>>;
  verdict: Verdict;
  /** Loss curves per member (each epoch with its wall time). */
  history: EpochStats[][];
  /** Predictions on validation and test records (for the predicted-vs-measured scatter). */
  predictions: RecordPrediction[];
  epochsRun: number;
  samplesPerSecond: number;
  meanEpochSeconds: number;
}

const DEFAULTS = { arch: 'default' as ArchitectureName, epochs: 60, batchSize: 32, learningRate: 2e-3, patience: 10, seed: 1, folds: 1 };

export async function trainRegressor(data: TrainData, options: TrainOptions = {}, callbacks: TrainCallbacks = {}): Promise<TrainResult> {
  const opts = { ...DEFAULTS, ...options };
  const { records } = data;
  const backend = currentBackend() ?? (await initBackend());
  if (records.length < 10) throw new Error(`too few records to train (${records.length}; at least 10)`);
  const split = splitRecords(records, opts.split ?? 'auto', opts.seed, opts.fractions);
  if (split.train.length === 0) throw new Error('no training records after the split');
  const members = foldParts(records, split, opts.folds, opts.seed);
  if (members.some((m) => m.valid.length === 0)) throw new Error('no validation records: early stopping needs some (check the split)');

  const trainTargets = Array.from(split.train, (i) => records[i]!.target);
  const norm = fitNormalisation(trainTargets);
  const maxLength = records.reduce((m, r) => Math.max(m, r.sequence.length), 0);
  const partnersPerPosition = records.some((r) => r.pairProbabilities) ? 3 : 1;
  const spec = architectureInputs(opts.arch, { maxLength, partnersPerPosition });
  const config = { ...defaultConfig(opts.arch), ...(opts.config ?? {}) } as ArchitectureConfig;
  const encoded: EncodedRecord[] = records.map((r) => encodeRecord(r, spec));
  const z = standardise(records.map((r) => r.target), norm);
  const pick = <T>(arr: readonly T[], idx: Int32Array): T[] => Array.from(idx, (i) => arr[i]!);
  const pickZ = (idx: Int32Array): Float32Array => Float32Array.from(idx, (i) => z[i]!);

  const seeds = members.map((_, k) => opts.seed * 1000 + k);
  const trained: tf.LayersModel[] = [];
  const history: EpochStats[][] = [];
  const oof = new Float32Array(records.length).fill(NaN);
  let trainedSamples = 0;
  let trainSeconds = 0; // training batches only
  let epochSeconds = 0; // whole epochs (with validation)
  let epochsDone = 0;
  let epochSecondsSoFar = 0;
  try {
    for (let k = 0; k < members.length; k++) {
      const part = members[k]!;
      const network = buildNetwork(opts.arch, spec, config, [seeds[k]!], k);
      trained.push(network);
      const fit = await fitModel(
        network,
        { spec, train: pick(encoded, part.train), trainTargets: pickZ(part.train), valid: pick(encoded, part.valid), validTargets: pickZ(part.valid) },
        {
          epochs: opts.epochs,
          batchSize: opts.batchSize,
          learningRate: opts.learningRate,
          patience: opts.patience,
          seed: seeds[k]!,
          ...(callbacks.signal ? { signal: callbacks.signal } : {}),
          onEpoch: (e) => {
            epochsDone++;
            epochSecondsSoFar += e.seconds;
            const perEpoch = epochSecondsSoFar / epochsDone;
            const remaining = opts.epochs - e.epoch + (members.length - k - 1) * opts.epochs;
            callbacks.onProgress?.({ member: k + 1, members: members.length, maxEpochs: opts.epochs, epochSeconds: e.seconds, etaSeconds: perEpoch * remaining, ...pickEpoch(e) });
          },
        },
      );
      history.push(fit.history);
      trainedSamples += fit.trainedSamples;
      trainSeconds += fit.trainSeconds;
      epochSeconds += fit.history.reduce((s, e) => s + e.seconds, 0);
      const validOut = await predictMembers(network, pick(encoded, part.valid), spec, 1, 256, callbacks.signal);
      part.valid.forEach((i, r) => (oof[i] = validOut[r]!));
    }

    // the saved network: all members side by side, output [batch, members]
    const combined = trained.length === 1 ? trained[0]! : buildNetwork(opts.arch, spec, config, seeds);
    if (combined !== trained[0]) {
      copyMemberWeights(combined, trained);
      trained.forEach((m) => m.dispose());
      trained.length = 0;
      trained.push(combined);
    }
    const predictions: RecordPrediction[] = [];
    const evalIdx = Int32Array.from([...split.valid, ...split.test]);
    const out = await predictMembers(combined, pick(encoded, evalIdx), spec, members.length, 256, callbacks.signal);
    evalIdx.forEach((i, r) => {
      const rec = records[i]!;
      const inValid = r < split.valid.length;
      // ensembles: validation records were in some member's training set, so use out-of-fold values
      const p = inValid && members.length > 1 ? summarise([oof[i]!], norm) : summarise(out.subarray(r * members.length, (r + 1) * members.length), norm);
      predictions.push({ index: i, ...(rec.id !== undefined ? { id: rec.id } : {}), split: inValid ? 'valid' : 'test', target: rec.target, ...p });
    });

    const baselines = fitRegressionBaselines(pick(records, split.train).map(forBaseline), pick(records, split.valid).map(forBaseline));
    const metrics: TrainResult['metrics'] = {};
    const baselineMetrics: TrainResult['baselines'] = {};
    for (const name of ['valid', 'test'] as const) {
      const rows = predictions.filter((p) => p.split === name);
      if (rows.length < 2) continue;
      metrics[name] = regressionMetrics(rows.map((p) => p.target), rows.map((p) => p.prediction));
      baselineMetrics[name] = evaluateBaselines(baselines, rows.map((p) => forBaseline(records[p.index]!)));
    }
    const evalSplit = metrics.test ? 'test' : 'valid';
    const parameters = countParameters(combined) / members.length;
    const verdict = diagnose({
      model: metrics[evalSplit]!,
      baselines: baselineMetrics[evalSplit]!,
      curves: { train: history[0]!.map((e) => e.trainLoss), valid: history[0]!.map((e) => e.validLoss) },
      nTrain: split.train.length,
      parameters,
      target: targetStats(pick(records, split.train)),
      targetStandardised: true,
    });
    const sizes = { train: split.train.length, valid: split.valid.length, test: split.test.length };
    const epochsRun = history.reduce((s, h) => s + h.length, 0);
    const samplesPerSecond = trainSeconds > 0 ? trainedSamples / trainSeconds : 0;
    const card: ModelCard = {
      format: CARD_FORMAT,
      formatVersion: FORMAT_VERSION,
      packageVersion: packageVersion(),
      createdAt: new Date().toISOString(),
      task: 'regression',
      targetName: data.targetName ?? 'target',
      normalisation: norm,
      structureSource: opts.arch === 'sequence-only' ? 'none' : (data.structureSource ?? 'given'),
      inputs: spec,
      architecture: { name: opts.arch, config, parameters, members: members.length },
      training: {
        seed: opts.seed,
        epochs: opts.epochs,
        batchSize: opts.batchSize,
        learningRate: opts.learningRate,
        patience: opts.patience,
        folds: opts.folds,
        epochsRun: history.map((h) => h.length),
        bestEpoch: history.map((h) => bestEpochOf(h)),
        samplesPerSecond: Math.round(samplesPerSecond),
        sizes,
        splitMethod: split.method,
      },
      metrics: metrics as Record<string, RegressionMetrics>,
      baselines: Object.fromEntries(Object.entries(baselineMetrics).map(([s, list]) => [s, Object.fromEntries(list.map((b) => [b.name, b.metrics]))])),
      verdict,
      dataHash: dataHash(records),
      backend: { name: backend.name, reason: backend.reason, threads: backend.threads, replacedKernels: backend.replacedKernels, tfjsVersion: backend.tfjsVersion },
    };
    return {
      model: { network: combined, card },
      backend,
      sizes,
      metrics,
      baselines: baselineMetrics,
      verdict,
      history,
      predictions,
      epochsRun,
      samplesPerSecond,
      meanEpochSeconds: epochsRun ? epochSeconds / epochsRun : 0,
    };
  } catch (err) {
    trained.forEach((m) => m.dispose());
    if (callbacks.signal?.aborted) throw new Cancelled();
    throw err;
  }
}

function pickEpoch(e: EpochStats) {
  return { epoch: e.epoch, trainLoss: e.trainLoss, validLoss: e.validLoss, validSpearman: e.validSpearman, learningRate: e.learningRate };
}

function bestEpochOf(h: EpochStats[]): number {
  let best = 0;
  h.forEach((e, i) => {
    if (e.validLoss < h[best]!.validLoss) best = i;
  });
  return h.length ? h[best]!.epoch : 0;
}

function forBaseline(r: TrainingRecord): { sequence: string; structure?: string; target: number } {
  return r.structure !== undefined ? { sequence: r.sequence, structure: r.structure, target: r.target } : { sequence: r.sequence, target: r.target };
}

function evaluateBaselines(baselines: RegressionBaselines, rows: { sequence: string; structure?: string; target: number }[]): NamedMetrics[] {
  return baselines.evaluate(rows);
}

function countParameters(model: tf.LayersModel): number {
  return model.weights.reduce((s, w) => s + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0);
}
