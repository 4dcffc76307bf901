// The types of a regressor training run: its input records and options, the progress it reports, and
// what it returns (see trainRegressor.ts).
import type { SplitFractions, SplitName } from '../../core/datasets/splits';
import type { NamedMetrics, Verdict } from '../../core/diagnosis/verdict';
import type { RegressionMetrics } from '../../core/metrics/regression';
import type { BackendInfo } from '../backend/initBackend';
import type { SequenceInput } from '../features/structureInput';
import type { RegressionModel } from '../io/modelDir';
import type { ArchitectureConfig, ArchitectureName } from '../models/architectures';
import type { EpochStats } from './regressionTask';
import type { SplitMethod } from './splitRecords';
import type { RegressorEpochProgress } from '../../protocol/reports';

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
  /**
   * Gradient shards per batch (default one per 16 records of the batch, at most 8): each batch's gradient is the sum of its shards' gradients,
   * computed in parallel on all cores. Part of the numerics (results depend on it, not on the core count);
   * 1 = whole-batch steps. Models with batch statistics (seed-cnn) always use 1.
   */
  shards?: number;
  /** Worker threads for the shards (default min(cores - 1, shards - 1); 0 = all on the training thread). */
  workers?: number;
  /** k >= 2: k-fold ensemble over train + valid (mean +- sd per prediction). Default 1. */
  folds?: number;
  /** How to split when records carry no split: 'auto' (default) uses split, else group, else random. */
  split?: SplitMethod;
  fractions?: SplitFractions;
  /** Architecture hyperparameters overriding the defaults of `arch`. */
  config?: Partial<ArchitectureConfig>;
  /**
   * Also train the sequence-only model (single, same split and seed) so that the verdict can say whether
   * the structure is used (cause 'structure-unused'). Doubles the training time. Default false.
   */
  compareSequenceOnly?: boolean;
}

export interface TrainProgress extends RegressorEpochProgress {
  /** 'model': the requested architecture; 'sequence-only': the comparison run (compareSequenceOnly). */
  stage: 'model' | 'sequence-only';
  epochSeconds: number;
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
  /** The sequence-only comparison model's metrics (compareSequenceOnly). */
  sequenceOnly?: Partial<Record<'valid' | 'test', RegressionMetrics>>;
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
  parallel: ParallelTraining;
}

/** Gradient shards per batch and the worker threads that computed them besides the training thread. */
export interface ParallelTraining {
  shards: number;
  workers: number;
  /** Why no worker thread started although one was wanted (training then ran on one thread). */
  workerFailure?: string;
}
