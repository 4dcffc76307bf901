// What training and generation jobs report, in progress and at the end, to the CLI, the server, the editor
// and the panels: plain, JSON-serialisable data (no tensors), the same for every front end.
import type { ClassificationMetrics, GeneratedRow, GenerationReport, NamedMetrics, PairBaselineMetrics, RegressionMetrics, SkippedRow, Verdict } from './results';

/** One epoch of the pair classifier (training loss and validation). */
export interface ClassifierEpochPoint {
  epoch: number;
  trainLoss: number;
  validLoss: number;
  validAuroc: number;
  learningRate: number;
  seconds: number;
}

/** One epoch of the pair generator (next-token loss, validation NLL per base). */
export interface GeneratorEpochPoint {
  epoch: number;
  trainLoss: number;
  validNll: number;
  learningRate: number;
  seconds: number;
}

export interface EpochPoint {
  epoch: number;
  trainLoss: number;
  validLoss: number;
  validSpearman: number;
  learningRate: number;
  seconds: number;
}

export interface ScatterPoint {
  id?: string;
  split: 'train' | 'valid' | 'test';
  target: number;
  prediction: number;
  sd?: number;
}

export interface TrainingReport {
  /** Directory the model was saved to (absolute). */
  modelDir: string;
  name: string;
  data: { file: string; records: number; skipped: SkippedRow[] };
  targetName: string;
  structureSource: string;
  arch: string;
  backend: { name: string; reason: string; threads: number };
  sizes: { train: number; valid: number; test: number };
  parameters: number;
  members: number;
  epochsRun: number;
  samplesPerSecond: number;
  meanEpochSeconds: number;
  /** Gradient shards per batch, worker threads besides the training thread, why none started. */
  parallel: { shards: number; workers: number; workerFailure?: string };
  metrics: Partial<Record<'valid' | 'test', RegressionMetrics>>;
  baselines: Partial<Record<'valid' | 'test', NamedMetrics[]>>;
  verdict: Verdict;
  /** Loss curves, one per ensemble member. */
  history: EpochPoint[][];
  /** Validation and test predictions (predicted vs measured). */
  predictions: ScatterPoint[];
  seed: number;
  seconds: number;
}

/** Progress of a training job: folding the records first, then epochs. */
/** A regressor's progress after an epoch of one member (fold) of `members`. */
export interface RegressorEpochProgress {
  member: number;
  members: number;
  epoch: number;
  maxEpochs: number;
  trainLoss: number;
  validLoss: number;
  validSpearman: number;
  learningRate: number;
  /** Remaining seconds, at most / at least (early stopping decides where in between). */
  etaSeconds: number;
  etaMinSeconds: number;
}

export type TrainingProgress =
  | { phase: 'loading'; message: string }
  | { phase: 'folding'; done: number; total: number; source: string }
  | ({ phase: 'training' } & RegressorEpochProgress)
  | { phase: 'saving'; dir: string };

export type PairTrainingProgress =
  | { phase: 'loading'; message: string }
  /** Within an epoch batch < batches and no losses; at the epoch's end batch = batches with the losses. */
  | { phase: 'classifier'; epoch: number; maxEpochs: number; batch: number; batches: number; trainLoss?: number; validAuroc?: number; validLoss?: number }
  | { phase: 'generator'; epoch: number; maxEpochs: number; batch: number; batches: number; trainLoss?: number; validNll?: number }
  | { phase: 'saving'; dir: string };

export interface PairTrainingReport extends PairTrainingSummary {
  data: { file: string; records: number; alphabet: 'DNA' | 'RNA'; labelCounts: [number, number]; skipped: SkippedRow[] };
  backend: { name: string; reason: string; threads: number };
  splitMethod: string;
  metrics: Partial<Record<'valid' | 'test', ClassificationMetrics>>;
  /** Baselines per split (full metrics). */
  ruleBaselines: Partial<Record<'valid' | 'test', PairBaselineMetrics[]>>;
  history: ClassifierEpochPoint[];
  generator?: { epochsRun: number; validNll: number; pairs: number; history: GeneratorEpochPoint[] };
  seed: number;
}

/** Whether a training job's progress ends an epoch (and so carries the losses of a curve point). */
export function isCurvePoint(p: TrainingProgress | PairTrainingProgress): boolean {
  return p.phase === 'training' || ((p.phase === 'classifier' || p.phase === 'generator') && p.trainLoss !== undefined);
}

/** What the training panel gets when a pair job ends: the summary, the backend and both models' epochs. */
export type PairTrainingOutcome = PairTrainingSummary & Pick<PairTrainingReport, 'backend' | 'history' | 'generator'> & { data: { file: string; records: number } };

export type PairGenerationProgress = { phase: 'loading'; dir: string } | { phase: 'generating'; drawn: number; accepted: number; n: number };

export interface PairGenerationReport extends GenerationSummary {
  /** The full report of the set (core/metrics/generation). */
  report: GenerationReport;
  backend: string;
}

export interface PairMetricsSummary {
  auroc: number;
  auprc: number;
  accuracy: number;
  f1: number;
}

export interface PairTrainingSummary {
  modelDir: string;
  name: string;
  sizes: { train: number; valid: number; test: number };
  /** Decision threshold chosen on the validation split. */
  threshold: number;
  /** Test-split metrics of the classifier and of each rule baseline (longest WC run, seed match...). */
  test: PairMetricsSummary;
  baselines: { name: string; test: PairMetricsSummary }[];
  epochsRun: number;
  pairsPerSecond: number;
  /** Training time of classifier + generator, in seconds. */
  seconds: number;
  /** Rows skipped with --skip-bad (0 otherwise). */
  skipped: number;
}

export interface GenerationSummary {
  modelDir: string;
  modelName: string;
  mode: 'sample' | 'design';
  /** Pairs drawn (sample mode) or designed to get `pairs.length` accepted ones. */
  drawn: number;
  threshold: number;
  constraints: { gc?: [number, number]; maxHomopolymer?: number; templateA?: string; templateB?: string; temperature?: number };
  metrics: {
    validity: number;
    ruleValidity?: number;
    uniqueness: number;
    novelty: number;
    diversity: { a: number; b: number; referenceA: number; referenceB: number };
    kmerJsd: { a: number; b: number };
  };
  pairs: GeneratedRow[];
  seconds: number;
}
