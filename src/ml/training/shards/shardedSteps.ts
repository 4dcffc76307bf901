// Data-parallel training steps. Every batch is cut into `shards` contiguous parts; each part's loss and
// gradient is computed by shardGradient — parts 1.. in gradient workers (other cores) when there are
// any, part 0 (and any part without a worker) on this thread — and the batch gradient is their
// size-weighted mean, summed in shard order, then one FusedAdam step. Dropout masks are drawn per
// (step, shard). The result therefore depends on the number of shards, never on the number of workers:
// training with 0 workers gives the same weights as with 1, only slower — which is also why a worker that
// fails or is closed mid-run costs nothing but speed: its shard is computed here from then on.
import * as os from 'node:os';
import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../../backend/initBackend';
import type { FusedAdam } from '../fusedAdam';
import { readFlatWeights } from './flatWeights';
import { GradientWorkers } from './gradientWorkers';
import { shardGradient, trainableVariables, type ShardInput } from './shardGradient';

/** Shards per batch unless the caller says otherwise. */
export const DEFAULT_SHARDS = 2;

/**
 * Shards for this model: models with batch statistics (BatchNormalization's moving averages are
 * non-trainable weights updated inside the forward pass, e.g. seed-cnn) train on whole batches.
 */
export function shardsFor(model: tf.LayersModel, requested = DEFAULT_SHARDS): number {
  return model.nonTrainableWeights.length > 0 ? 1 : Math.max(1, Math.floor(requested));
}

/**
 * Workers that help with `shards` parts per batch: one per further core, none for tfjs-node (it threads
 * its own kernels). BASEPAIR_TRAIN_WORKERS overrides (0 = everything on the training thread).
 */
export function defaultWorkerCount(shards: number, backend: string = tf.getBackend()): number {
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

export class ShardedSteps {
  private readonly variables: tf.Variable[];
  private step = 0;

  private constructor(
    private readonly model: tf.LayersModel,
    private readonly optimizer: FusedAdam,
    private readonly data: ShardInput,
    readonly shards: number,
    private workers: GradientWorkers | undefined,
    /** Why workers are not (or no longer) used, when they were wanted. */
    private failure: string | undefined,
  ) {
    this.variables = trainableVariables(model);
  }

  /** Starts the workers (if any); a worker that cannot start leaves all shards on this thread. */
  static async create(model: tf.LayersModel, optimizer: FusedAdam, data: ShardInput, shards: number, workerCount: number): Promise<ShardedSteps> {
    let workers: GradientWorkers | undefined;
    let failure: string | undefined;
    if (workerCount > 0) {
      try {
        const topology = JSON.parse(model.toJSON(undefined, true) as string) as object;
        workers = await GradientWorkers.start(workerCount, { type: 'init', backend: tf.getBackend() as BackendName, topology, ...data });
      } catch (err) {
        failure = err instanceof Error ? err.message : String(err);
      }
    }
    return new ShardedSteps(model, optimizer, data, shards, workers, failure);
  }

  /** Worker threads in use (0 once they failed or were closed). */
  get workerCount(): number {
    return this.workers?.count ?? 0;
  }

  get workerFailure(): string | undefined {
    return this.failure;
  }

  /** One optimiser step on the records `idx`; returns the batch's mean loss. */
  async train(idx: Int32Array): Promise<number> {
    const parts = splitShards(idx, this.shards);
    const first = this.step * this.shards;
    this.step++;
    const weights = this.workers ? readFlatWeights(this.variables) : undefined;
    const remote = parts.map((indices, s) =>
      this.workers && s >= 1 && s <= this.workers.count ? this.workers.gradient(s - 1, { weights: weights!, indices, dropoutCall: first + s }) : undefined,
    );
    const here = (s: number) => shardGradient(this.model, this.variables, this.data, parts[s]!, first + s);
    const local = parts.map((_, s) => (remote[s] ? undefined : here(s)));
    const results = await Promise.allSettled(remote.map((r) => r ?? Promise.resolve(undefined)));
    const losses: number[] = [];
    const grads: tf.Tensor[] = [];
    try {
      results.forEach((r, s) => {
        if (r.status === 'rejected') {
          // the weights have not moved since they were sent: this shard's gradient is the same computed here
          this.dropWorkers(r.reason);
          local[s] = here(s);
        }
        const own = local[s];
        const sent = r.status === 'fulfilled' ? r.value : undefined;
        losses.push(own ? own.loss.dataSync()[0]! : sent!.loss);
        grads.push(own ? own.grad : tf.tensor1d(sent!.grad));
      });
      const n = idx.length;
      tf.tidy(() => {
        let g = tf.mul(grads[0]!, parts[0]!.length / n);
        for (let s = 1; s < grads.length; s++) g = tf.add(g, tf.mul(grads[s]!, parts[s]!.length / n));
        this.optimizer.applyFlatGradient(g, this.variables);
      });
      return losses.reduce((sum, l, s) => sum + (l * parts[s]!.length) / n, 0);
    } finally {
      tf.dispose([...grads, ...local.flatMap((l) => (l ? [l.loss, l.grad] : []))]);
    }
  }

  /** Stops the workers; later steps compute every shard on this thread (same results). */
  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = undefined;
    await workers?.close();
  }

  private dropWorkers(reason: unknown): void {
    if (!this.workers) return;
    this.failure ??= reason instanceof Error ? reason.message : String(reason);
    void this.close();
  }
}
