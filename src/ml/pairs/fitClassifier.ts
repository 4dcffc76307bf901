// The training loop of the pair classifier: Adam (the engine's FusedAdam) on class-weighted binary
// cross-entropy of the logits, batches shuffled with our seeded PRNG, validation loss and AUROC after
// every epoch, learning rate halved when validation stalls, early stopping on validation AUROC with
// the best weights restored, progress per epoch (and within long epochs), cancellation between batches.
import * as tf from '@tensorflow/tfjs';
import { auroc } from '../../core/metrics/classification';
import { Random } from '../../core/random';
import { Cancelled } from '../training/cancelled';
import { EarlyStopping } from '../training/earlyStopping';
import { FusedAdam } from '../training/fusedAdam';
import { yieldToEventLoop } from '../training/yieldToEventLoop';
import { pairTensors, type LabelledPair } from './batches';
import { pairLogits } from './scorePairs';

export interface ClassifierEpoch {
  epoch: number;
  trainLoss: number;
  validLoss: number;
  validAuroc: number;
  learningRate: number;
  seconds: number;
  trainSeconds: number;
}

export interface FitClassifierOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  patience: number;
  seed: number;
  /** Loss weights of label 0 and label 1 (class balance). */
  classWeights: [number, number];
  signal?: AbortSignal;
  onEpoch?: (e: ClassifierEpoch) => void;
  /** Within an epoch, about every 2 s: batches done of the epoch. */
  onBatch?: (epoch: number, done: number, total: number) => void;
}

export interface FitClassifierResult {
  history: ClassifierEpoch[];
  bestEpoch: number;
  trainedPairs: number;
  trainSeconds: number;
}

/** Class-weighted binary cross-entropy of logits (mean over the pairs). */
export function weightedLogLoss(logits: ArrayLike<number>, labels: ArrayLike<number>, weights: [number, number]): number {
  let s = 0;
  for (let i = 0; i < logits.length; i++) {
    const z = logits[i]!;
    const y = labels[i]!;
    const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)); // log(1 + e^z)
    s += weights[y === 1 ? 1 : 0] * (softplus - y * z);
  }
  return logits.length ? s / logits.length : NaN;
}

export async function fitClassifier(model: tf.LayersModel, train: readonly LabelledPair[], valid: readonly LabelledPair[], opts: FitClassifierOptions): Promise<FitClassifierResult> {
  const optimizer = new FusedAdam(opts.learningRate);
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const random = new Random(`pairs-shuffle-${opts.seed}`);
  const stopping = new EarlyStopping(model, optimizer, { patience: opts.patience, lrPatience: Math.max(2, Math.floor(opts.patience / 2)), minLearningRate: opts.learningRate / 32 });
  const validLabels = valid.map((p) => p.label);
  const history: ClassifierEpoch[] = [];
  let best = { auroc: -Infinity, loss: Infinity };
  let trainedPairs = 0;
  let trainSeconds = 0;
  const n = train.length;
  const batches = Math.ceil(n / opts.batchSize);
  try {
    for (let epoch = 1; epoch <= opts.epochs; epoch++) {
      const started = performance.now();
      let lastReport = started;
      const order = random.permutation(n);
      let lossSum = 0;
      for (let k = 0; k < batches; k++) {
        await yieldToEventLoop();
        if (opts.signal?.aborted) throw new Cancelled();
        const idx = order.subarray(k * opts.batchSize, Math.min(n, (k + 1) * opts.batchSize));
        const x = pairTensors(train, idx);
        const labels = Float32Array.from(idx, (i) => train[i]!.label);
        const y = tf.tensor2d(labels, [idx.length, 1]);
        const w = tf.tensor2d(Float32Array.from(labels, (l) => opts.classWeights[l === 1 ? 1 : 0]), [idx.length, 1]);
        try {
          const cost = optimizer.minimize(
            () => {
              const logits = model.apply([x.a, x.b], { training: true }) as tf.Tensor2D;
              return tf.losses.sigmoidCrossEntropy(y, logits, w, 0, tf.Reduction.MEAN) as tf.Scalar;
            },
            true,
            variables,
          );
          lossSum += (await cost!.data())[0]! * idx.length;
          cost!.dispose();
        } finally {
          tf.dispose([x.a, x.b, y, w]);
        }
        trainedPairs += idx.length;
        if (opts.onBatch && performance.now() - lastReport > 2000) {
          lastReport = performance.now();
          opts.onBatch(epoch, k + 1, batches);
        }
      }
      const epochTrainSeconds = (performance.now() - started) / 1000;
      trainSeconds += epochTrainSeconds;
      const logits = await pairLogits(model, valid, 512, opts.signal);
      const validLoss = weightedLogLoss(logits, validLabels, opts.classWeights);
      const stats: ClassifierEpoch = {
        epoch,
        trainLoss: lossSum / n,
        validLoss,
        validAuroc: auroc(validLabels, logits),
        learningRate: optimizer.learningRate,
        seconds: (performance.now() - started) / 1000,
        trainSeconds: epochTrainSeconds,
      };
      history.push(stats);
      opts.onEpoch?.(stats);
      if (!Number.isFinite(stats.trainLoss)) break;
      // Model selection on validation AUROC (ties: lower loss): with class weights and grouped splits the
      // loss rises with over-confidence while the ranking still improves (seen on miRAW).
      const auc = Number.isFinite(stats.validAuroc) ? stats.validAuroc : -Infinity;
      const improved = auc > best.auroc + 1e-6 || (Math.abs(auc - best.auroc) <= 1e-6 && validLoss < best.loss - 1e-6);
      if (improved) best = { auroc: auc, loss: validLoss };
      if (stopping.update(epoch, improved)) break;
    }
    stopping.restoreBest();
    return { history, bestEpoch: stopping.bestEpoch, trainedPairs, trainSeconds };
  } finally {
    stopping.dispose();
    optimizer.dispose();
  }
}
