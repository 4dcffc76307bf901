// How a batch is cut into gradient shards and which thread computes which: a fixed number of shards per
// batch (part of the numerics, recorded in the model card; by default one per 16 items of the batch, at
// most 8), dealt round-robin over the training thread and its gradient workers (never part of the
// numerics). Shards of 16 items keep TF.js's per-op cost small beside the work (bench/train/speed.ts on
// 2 cores, batch 64: 4 shards 1,333 samples/s, 8 shards of 8 items 933).
import * as os from 'node:os';
import type * as tf from '../tf';

/** Items per shard of the default shard count, and the most shards a batch is cut into by default. */
export const SHARD_ITEMS = 16;
export const MAX_DEFAULT_SHARDS = 8;

/** Shards per batch unless the caller says otherwise: batch 32 -> 2, 64 -> 4, 128 or more -> 8. */
export function defaultShards(batchSize: number): number {
  return Math.max(1, Math.min(MAX_DEFAULT_SHARDS, Math.round(batchSize / SHARD_ITEMS)));
}

/**
 * Shards for this model: models with batch statistics (BatchNormalization's moving averages are
 * non-trainable weights updated inside the forward pass, e.g. seed-cnn) train on whole batches.
 */
export function shardsFor(model: tf.LayersModel, requested: number): number {
  return model.nonTrainableWeights.length > 0 ? 1 : Math.max(1, Math.floor(requested));
}

/**
 * Worker threads for `shards` parts per batch: min(available cores - 1, shards - 1); none for tfjs-node
 * (it threads its own kernels). BASEPAIR_TRAIN_WORKERS=N overrides (0 = every shard on the training thread).
 */
export function defaultWorkerCount(shards: number, backend: string): number {
  const env = process.env['BASEPAIR_TRAIN_WORKERS'];
  const wanted = env !== undefined && env !== '' ? Math.max(0, Math.floor(Number(env)) || 0) : backend === 'tensorflow' ? 0 : os.availableParallelism() - 1;
  return Math.max(0, Math.min(shards - 1, wanted));
}

/** Contiguous parts of `idx` whose sizes differ by at most one; empty parts are left out. */
export function splitShards(idx: Int32Array, shards: number): Int32Array[] {
  const parts: Int32Array[] = [];
  for (let s = 0; s < shards; s++) {
    const part = idx.subarray(Math.round((s * idx.length) / shards), Math.round(((s + 1) * idx.length) / shards));
    if (part.length) parts.push(part);
  }
  return parts;
}

/** The thread of shard `s` with `workers` workers: 0 = the training thread, w >= 1 = worker w - 1. */
export function threadOf(s: number, workers: number): number {
  return s % (workers + 1);
}
