// The contract between the training engine (fit.ts) and a model family: a task supplies its objective
// (loss on a shard of items, rebuildable in gradient workers), its validation after every epoch and
// which of two validations is better. Everything else — shuffling, batching, shards, the optimizer,
// the learning-rate schedule, early stopping, progress, cancellation — is the engine's.
import type * as tf from '../tf';
import type { ObjectiveSpec } from './objective';

export interface TrainingTask<V extends object> {
  /** The seeded PRNG stream of its shuffles (`<shuffleStream>-<seed>`), so that tasks never share one. */
  readonly shuffleStream: string;
  /** Number of training items (records, pairs); batches are drawn from 0..size-1. */
  readonly size: number;
  /** The loss, as data a gradient worker can rebuild. */
  readonly objective: ObjectiveSpec;
  /** Validation after an epoch: its numbers appear in the epoch's stats (e.g. validLoss, validAuroc). */
  validate(model: tf.LayersModel, signal?: AbortSignal): Promise<V>;
  /** Whether `v` improves on `best` (the best validation so far; undefined before the first). */
  improves(v: V, best: V | undefined): boolean;
}

export interface FitOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Epochs without validation improvement before stopping. */
  patience: number;
  /** Epochs without improvement before the learning rate is halved (default max(2, patience / 3)). */
  lrPatience?: number;
  /** Epochs between two halvings while validation keeps stalling (default lrPatience). */
  lrCooldown?: number;
  /** Lower bound of the learning-rate schedule (default learningRate / 32). */
  minLearningRate?: number;
  seed: number;
  /** Gradient shards per batch (default defaultShards(batchSize); 1 = whole-batch steps). Part of the numerics. */
  shards?: number;
  /** Worker threads computing shards (default min(cores - 1, shards - 1)). Never part of the numerics. */
  workers?: number;
}

/** The training options a model card records (every model the engine trains). */
export interface CardTrainingOptions {
  seed: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  patience: number;
  /** Gradient shards per batch (part of the numerics; absent in older cards: 1, whole-batch steps). */
  gradientShards?: number;
  /** Worker threads that computed shards besides the training thread (speed only). */
  workerThreads?: number;
}

/** What the engine measures of every epoch; a task's validation numbers are added to it. */
export interface EngineEpoch {
  epoch: number;
  /** Weighted mean training loss of the epoch's batches (in the task's loss units). */
  trainLoss: number;
  learningRate: number;
  /** Wall time of the epoch: training batches + validation. */
  seconds: number;
  /** Wall time of the training batches alone. */
  trainSeconds: number;
  /** CPU time (user + system, all threads) of the training batches: a load-independent cost measure. */
  trainCpuSeconds: number;
  /** Epochs since the best validation (0: this epoch is the best so far). */
  epochsSinceBest: number;
}

export type EpochOf<V extends object> = EngineEpoch & V;

export interface FitCallbacks<V extends object> {
  signal?: AbortSignal;
  onEpoch?: (e: EpochOf<V>) => void;
  /** Within an epoch, about every 2 s: batches done of the epoch's batches. */
  onBatch?: (epoch: number, done: number, total: number) => void;
}

export interface FitResult<V extends object> {
  history: EpochOf<V>[];
  /** The epoch whose weights the model holds now (0 when no epoch validated better than nothing). */
  bestEpoch: number;
  best: V | undefined;
  /** Items trained on (all epochs) and their total objective weight (records, tokens, class weights). */
  trainedItems: number;
  trainedWeight: number;
  /** Seconds in training batches (validation not counted). */
  trainSeconds: number;
  /** Gradient shards per batch, and the worker threads that computed them. */
  shards: number;
  workers: number;
  /** Why no worker threads were used although some were wanted. */
  workerFailure?: string;
}
