// The one training loop of every Basepair model (the shape of tfjs-layers' fitLoop + CallbackList, written
// for our needs): seeded shuffles, batches cut into a fixed number of gradient shards (shardPlan.ts and
// shardedSteps.ts: results independent of the worker count), FusedAdam, yielding to the event loop and cancellation
// between batches, per-batch and per-epoch progress, timing and history, a stop on a non-finite loss,
// early stopping with the learning rate halved when validation stalls, and the best weights restored.
// A task (task.ts) supplies only its objective, its validation and which validation is better.
import * as tf from '../tf';
import { Random } from '../../core/random';
import { Cancelled } from './cancelled';
import { EarlyStopping } from './earlyStopping';
import { FusedAdam } from './fusedAdam';
import { ShardedSteps } from './shardedSteps';
import { defaultShards, defaultWorkerCount, shardsFor } from './shardPlan';
import type { EpochOf, FitCallbacks, FitOptions, FitResult, TrainingTask } from './task';
import { yieldToEventLoop } from './yieldToEventLoop';

/** Seconds between two onBatch reports within an epoch. */
const BATCH_REPORT_SECONDS = 2;

export async function fit<V extends object>(model: tf.LayersModel, task: TrainingTask<V>, opts: FitOptions, callbacks: FitCallbacks<V> = {}): Promise<FitResult<V>> {
  const { signal } = callbacks;
  const optimizer = new FusedAdam(opts.learningRate);
  const random = new Random(`${task.shuffleStream}-${opts.seed}`);
  const lrPatience = opts.lrPatience ?? Math.max(2, Math.floor(opts.patience / 3));
  const stopping = new EarlyStopping(model, optimizer, {
    patience: opts.patience,
    lrPatience,
    lrCooldown: opts.lrCooldown ?? lrPatience,
    minLearningRate: opts.minLearningRate ?? opts.learningRate / 32,
  });
  const history: EpochOf<V>[] = [];
  let best: V | undefined;
  let trainedItems = 0;
  let trainedWeight = 0;
  let trainSeconds = 0;
  const n = task.size;
  const batches = Math.ceil(n / opts.batchSize);
  const shards = shardsFor(model, opts.shards ?? defaultShards(opts.batchSize));
  const steps = await ShardedSteps.create(model, optimizer, task.objective, shards, opts.workers ?? defaultWorkerCount(shards, tf.getBackend()));
  try {
    for (let epoch = 1; epoch <= opts.epochs; epoch++) {
      const started = performance.now();
      const cpuStart = process.cpuUsage();
      let lastReport = started;
      const order = random.permutation(n);
      let lossSum = 0;
      let weightSum = 0;
      for (let k = 0; k < batches; k++) {
        await yieldToEventLoop();
        if (signal?.aborted) throw new Cancelled();
        const idx = order.subarray(k * opts.batchSize, Math.min(n, (k + 1) * opts.batchSize));
        const { loss, weight } = await steps.train(idx);
        lossSum += loss * weight;
        weightSum += weight;
        trainedItems += idx.length;
        if (callbacks.onBatch && performance.now() - lastReport > BATCH_REPORT_SECONDS * 1000) {
          lastReport = performance.now();
          callbacks.onBatch(epoch, k + 1, batches);
        }
      }
      if (signal?.aborted) throw new Cancelled();
      const epochTrainSeconds = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuStart);
      trainSeconds += epochTrainSeconds;
      trainedWeight += weightSum;
      const learningRate = optimizer.learningRate;
      const validation = await task.validate(model, signal);
      const improved = task.improves(validation, best);
      if (improved) best = validation;
      const stop = stopping.update(epoch, improved);
      const trainLoss = weightSum > 0 ? lossSum / weightSum : NaN;
      const stats = {
        epoch,
        trainLoss,
        learningRate,
        seconds: (performance.now() - started) / 1000,
        trainSeconds: epochTrainSeconds,
        trainCpuSeconds: (cpu.user + cpu.system) / 1e6,
        epochsSinceBest: stopping.sinceBest,
        ...validation,
      } as EpochOf<V>;
      history.push(stats);
      callbacks.onEpoch?.(stats);
      if (!Number.isFinite(trainLoss) || stop) break;
    }
    stopping.restoreBest();
    return {
      history,
      bestEpoch: stopping.bestEpoch,
      best,
      trainedItems,
      trainedWeight,
      trainSeconds,
      shards,
      workers: steps.workerCount,
      ...(steps.workerFailure ? { workerFailure: steps.workerFailure } : {}),
    };
  } finally {
    await steps.close();
    stopping.dispose();
    optimizer.dispose();
  }
}
