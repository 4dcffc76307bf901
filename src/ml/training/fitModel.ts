// The training loop of one network: Adam (FusedAdam) on MSE of the standardised target, batches shuffled with our
// seeded PRNG, validation after every epoch, learning rate halved when validation stalls, early stopping
// with the best weights restored, progress per epoch, cancellation between batches (AbortSignal).
// Batches are split into gradient shards computed on all cores (./shards/shardedSteps); models with batch
// statistics, or shards: 1, take whole-batch steps (trainOnBatch).
import * as tf from '@tensorflow/tfjs';
import { spearman } from '../../core/metrics/regression';
import { Random } from '../../core/random';
import { assembleBatch, inOrder, type EncodedRecord, type InputSpec } from '../features/batchEncoder';
import { Cancelled } from './cancelled';
import { EarlyStopping } from './earlyStopping';
import { FusedAdam } from './fusedAdam';
import { defaultWorkerCount, ShardedSteps, shardsFor } from './shards/shardedSteps';
import { predictEncoded } from './predictEncoded';
import { yieldToEventLoop } from './yieldToEventLoop';

export interface FitOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Epochs without validation improvement before stopping. */
  patience: number;
  /** Epochs without improvement before the learning rate is halved (default max(2, patience / 3)). */
  lrPatience?: number;
  /** Lower bound of the learning rate schedule. */
  minLearningRate?: number;
  seed: number;
  /** Gradient shards per batch (default DEFAULT_SHARDS; 1 = whole-batch steps). Changes the numerics. */
  shards?: number;
  /** Worker threads computing shards (default: one per further core). Never changes the numerics. */
  workers?: number;
  signal?: AbortSignal;
  /** Called after each epoch (train loss and validation loss in standardised units). */
  onEpoch?: (e: EpochStats) => void;
}

export interface EpochStats {
  epoch: number;
  trainLoss: number;
  validLoss: number;
  /** Spearman correlation of predictions and targets on the validation records. */
  validSpearman: number;
  learningRate: number;
  /** Wall time of the epoch: training batches + validation. */
  seconds: number;
  /** Wall time of the training batches alone. */
  trainSeconds: number;
  /** CPU time (user + system, all threads) of the training batches: a load-independent cost measure. */
  trainCpuSeconds: number;
  /** Epochs since the best validation loss (0: this epoch is the best so far). */
  epochsSinceBest: number;
}

export interface FitResult {
  history: EpochStats[];
  bestEpoch: number;
  bestValidLoss: number;
  trainedSamples: number;
  trainSeconds: number;
  /** Gradient shards per batch, and the worker threads that computed them. */
  shards: number;
  workers: number;
  /** Why no worker threads were used although some were wanted. */
  workerFailure?: string;
}

export interface FitData {
  spec: InputSpec;
  train: readonly EncodedRecord[];
  trainTargets: Float32Array;
  valid: readonly EncodedRecord[];
  validTargets: Float32Array;
}

function mse(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return a.length ? s / a.length : NaN;
}

export async function fitModel(model: tf.LayersModel, data: FitData, opts: FitOptions): Promise<FitResult> {
  const optimizer = new FusedAdam(opts.learningRate);
  model.compile({ optimizer, loss: 'meanSquaredError' });
  const random = new Random(`shuffle-${opts.seed}`);
  const stopping = new EarlyStopping(model, optimizer, {
    patience: opts.patience,
    lrPatience: opts.lrPatience ?? Math.max(2, Math.floor(opts.patience / 3)),
    minLearningRate: opts.minLearningRate ?? opts.learningRate / 32,
  });
  const history: EpochStats[] = [];
  let bestLoss = Infinity;
  let trainedSamples = 0;
  let trainSeconds = 0;
  const n = data.train.length;
  const shards = shardsFor(model, opts.shards);
  const sharded =
    shards > 1
      ? await ShardedSteps.create(model, optimizer, { records: data.train, targets: data.trainTargets, spec: data.spec }, shards, opts.workers ?? defaultWorkerCount(shards))
      : undefined;
  try {
    for (let epoch = 1; epoch <= opts.epochs; epoch++) {
      const started = performance.now();
      const cpuStart = process.cpuUsage();
      const order = random.permutation(n);
      let lossSum = 0;
      for (let start = 0; start < n; start += opts.batchSize) {
        await yieldToEventLoop();
        if (opts.signal?.aborted) throw new Cancelled();
        const idx = order.subarray(start, Math.min(n, start + opts.batchSize));
        lossSum += (sharded ? await sharded.train(idx) : await wholeBatchStep(model, data, idx)) * idx.length;
        trainedSamples += idx.length;
      }
      if (opts.signal?.aborted) throw new Cancelled();
      const epochSeconds = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuStart);
      const trainCpuSeconds = (cpu.user + cpu.system) / 1e6;
      trainSeconds += epochSeconds;
      const validPred = await predictEncoded(model, data.valid, data.spec, Math.max(opts.batchSize, 128));
      const validLoss = mse(validPred, data.validTargets);
      const learningRate = optimizer.learningRate;
      const improved = validLoss < bestLoss - 1e-6;
      if (improved) bestLoss = validLoss;
      const stop = stopping.update(epoch, improved);
      const stats: EpochStats = { epoch, trainLoss: lossSum / n, validLoss, validSpearman: spearman(validPred, data.validTargets), learningRate, seconds: (performance.now() - started) / 1000, trainSeconds: epochSeconds, trainCpuSeconds, epochsSinceBest: stopping.sinceBest };
      history.push(stats);
      opts.onEpoch?.(stats);
      if (!Number.isFinite(stats.trainLoss) || stop) break;
    }
    stopping.restoreBest();
    return {
      history,
      bestEpoch: stopping.bestEpoch,
      bestValidLoss: bestLoss,
      trainedSamples,
      trainSeconds,
      shards,
      workers: sharded?.workerCount ?? 0,
      ...(sharded?.workerFailure ? { workerFailure: sharded.workerFailure } : {}),
    };
  } finally {
    await sharded?.close();
    stopping.dispose();
    optimizer.dispose();
  }
}

async function wholeBatchStep(model: tf.LayersModel, data: FitData, idx: Int32Array): Promise<number> {
  const x = assembleBatch(data.train, idx, data.spec);
  const y = tf.tensor2d(Float32Array.from(idx, (i) => data.trainTargets[i]!), [idx.length, 1]);
  try {
    return (await model.trainOnBatch(inOrder(model, x), y)) as number;
  } finally {
    tf.dispose([...Object.values(x), y]);
  }
}
