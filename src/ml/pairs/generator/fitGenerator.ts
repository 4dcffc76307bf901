// Training of the pair generator by teacher forcing: next-token cross-entropy over the token layout
// (lengths and bases), Adam (the engine's FusedAdam), seeded shuffles, validation likelihood per base
// after every epoch, early stopping with the best weights restored, cancellation between batches.
import * as tf from '@tensorflow/tfjs';
import { Random } from '../../../core/random';
import { Cancelled } from '../../training/cancelled';
import { EarlyStopping } from '../../training/earlyStopping';
import { FusedAdam } from '../../training/fusedAdam';
import { yieldToEventLoop } from '../../training/yieldToEventLoop';
import type { LabelledPair } from '../batches';
import { featureWidth, tokenBatch, vocabularySize, type TokenLayout } from './tokens';

export interface GeneratorEpoch {
  epoch: number;
  /** Mean next-token cross-entropy on the training pairs (nats per token). */
  trainLoss: number;
  /** Mean negative log-likelihood per base on the validation pairs (nats; log 4 = 1.386 is chance). */
  validNll: number;
  learningRate: number;
  seconds: number;
}

export interface FitGeneratorOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  patience: number;
  seed: number;
  signal?: AbortSignal;
  onEpoch?: (e: GeneratorEpoch) => void;
  onBatch?: (epoch: number, done: number, total: number) => void;
}

export interface FitGeneratorResult {
  history: GeneratorEpoch[];
  bestEpoch: number;
  bestValidNll: number;
  tokensPerSecond: number;
}

function batchTensors(pairs: readonly LabelledPair[], layout: TokenLayout) {
  const t = tokenBatch(pairs, layout);
  const v = vocabularySize(layout);
  return {
    x: tf.tensor3d(t.features, [t.n, t.steps, featureWidth(layout)]),
    y: tf.oneHot(tf.tensor1d(t.targets, 'int32'), v).reshape([t.n, t.steps, v]) as tf.Tensor3D,
    mask: tf.tensor2d(t.mask, [t.n, t.steps]),
    baseMask: tf.tensor2d(t.baseMask, [t.n, t.steps]),
    tokens: t.mask.reduce((s, m) => s + m, 0),
  };
}

/** Masked mean cross-entropy of logits [B, T, V] against one-hot targets. */
function maskedCrossEntropy(logits: tf.Tensor3D, y: tf.Tensor3D, mask: tf.Tensor2D): tf.Scalar {
  const nll = tf.neg(tf.sum(tf.mul(y, tf.logSoftmax(logits)), -1)); // [B, T]
  return tf.div(tf.sum(tf.mul(nll, mask)), tf.maximum(tf.sum(mask), 1)) as tf.Scalar;
}

/** Mean NLL per base token of `pairs` (nats). */
export async function baseNll(model: tf.LayersModel, pairs: readonly LabelledPair[], layout: TokenLayout, batchSize = 256, signal?: AbortSignal): Promise<number> {
  let sum = 0;
  let count = 0;
  for (let start = 0; start < pairs.length; start += batchSize) {
    await yieldToEventLoop();
    if (signal?.aborted) throw new Cancelled();
    const b = batchTensors(pairs.slice(start, start + batchSize), layout);
    try {
      const [s, c] = tf.tidy(() => {
        const logits = model.predict(b.x) as tf.Tensor3D;
        const nll = tf.neg(tf.sum(tf.mul(b.y, tf.logSoftmax(logits)), -1));
        return [tf.sum(tf.mul(nll, b.baseMask)), tf.sum(b.baseMask)];
      });
      sum += (await s!.data())[0]!;
      count += (await c!.data())[0]!;
      tf.dispose([s!, c!]);
    } finally {
      tf.dispose([b.x, b.y, b.mask, b.baseMask]);
    }
  }
  return count > 0 ? sum / count : NaN;
}

export async function fitGenerator(model: tf.LayersModel, train: readonly LabelledPair[], valid: readonly LabelledPair[], layout: TokenLayout, opts: FitGeneratorOptions): Promise<FitGeneratorResult> {
  const optimizer = new FusedAdam(opts.learningRate);
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const random = new Random(`generator-shuffle-${opts.seed}`);
  const history: GeneratorEpoch[] = [];
  // halve the learning rate after 2 stalled epochs, then every further stalled epoch
  const stopping = new EarlyStopping(model, optimizer, { patience: opts.patience, lrPatience: 2, lrCooldown: 1, minLearningRate: opts.learningRate / 16 });
  let bestNll = Infinity;
  let tokens = 0;
  let seconds = 0;
  const n = train.length;
  const batches = Math.ceil(n / opts.batchSize);
  try {
    for (let epoch = 1; epoch <= opts.epochs; epoch++) {
      const started = performance.now();
      let lastReport = started;
      const order = random.permutation(n);
      let lossSum = 0;
      let tokenSum = 0;
      for (let k = 0; k < batches; k++) {
        await yieldToEventLoop();
        if (opts.signal?.aborted) throw new Cancelled();
        const idx = order.subarray(k * opts.batchSize, Math.min(n, (k + 1) * opts.batchSize));
        const b = batchTensors(Array.from(idx, (i) => train[i]!), layout);
        try {
          const cost = optimizer.minimize(() => maskedCrossEntropy(model.apply(b.x, { training: true }) as tf.Tensor3D, b.y, b.mask), true, variables);
          lossSum += (await cost!.data())[0]! * b.tokens;
          cost!.dispose();
        } finally {
          tf.dispose([b.x, b.y, b.mask, b.baseMask]);
        }
        tokenSum += b.tokens;
        if (opts.onBatch && performance.now() - lastReport > 2000) {
          lastReport = performance.now();
          opts.onBatch(epoch, k + 1, batches);
        }
      }
      const trainSeconds = (performance.now() - started) / 1000;
      seconds += trainSeconds;
      tokens += tokenSum;
      const validNll = await baseNll(model, valid, layout, 256, opts.signal);
      const stats: GeneratorEpoch = { epoch, trainLoss: lossSum / tokenSum, validNll, learningRate: optimizer.learningRate, seconds: (performance.now() - started) / 1000 };
      history.push(stats);
      opts.onEpoch?.(stats);
      if (!Number.isFinite(stats.trainLoss)) break;
      const improved = validNll < bestNll - 1e-5;
      if (improved) bestNll = validNll;
      if (stopping.update(epoch, improved)) break;
    }
    stopping.restoreBest();
    return { history, bestEpoch: stopping.bestEpoch, bestValidNll: bestNll, tokensPerSecond: seconds > 0 ? tokens / seconds : 0 };
  } finally {
    stopping.dispose();
    optimizer.dispose();
  }
}
