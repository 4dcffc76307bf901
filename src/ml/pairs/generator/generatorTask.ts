// The pair generator as a task of the training engine, trained by teacher forcing: next-token
// cross-entropy over the token layout, lengths and bases (the objective 'pair-generator', weighted by
// target tokens, rebuilt in gradient workers), validation likelihood per base after every epoch,
// better = lower validation NLL.
import * as tf from '../../tf';
import { Cancelled } from '../../engine/cancelled';
import { registerObjective } from '../../engine/objective';
import type { EpochOf, TrainingTask } from '../../engine/task';
import { yieldToEventLoop } from '../../engine/yieldToEventLoop';
import type { LabelledPair } from '../batches';
import { featureWidth, tokenBatch, vocabularySize, type TokenLayout } from './tokens';

export interface GeneratorValidation {
  /** Mean negative log-likelihood per base on the validation pairs (nats; log 4 = 1.386 is chance). */
  validNll: number;
}

/** One epoch of the generator (trainLoss: mean next-token cross-entropy, nats per token). */
export type GeneratorEpoch = EpochOf<GeneratorValidation>;

function batchTensors(pairs: readonly LabelledPair[], layout: TokenLayout) {
  const t = tokenBatch(pairs, layout);
  const v = vocabularySize(layout);
  return {
    x: tf.tensor3d(t.features, [t.n, t.steps, featureWidth(layout)]),
    y: tf.oneHot(tf.tensor1d(t.targets, 'int32'), v).reshape([t.n, t.steps, v]) as tf.Tensor3D,
    mask: tf.tensor2d(t.mask, [t.n, t.steps]),
    baseMask: tf.tensor2d(t.baseMask, [t.n, t.steps]),
  };
}

/** Cross-entropy per position of logits [B, T, V] against one-hot targets: [B, T]. */
function tokenNll(logits: tf.Tensor3D, y: tf.Tensor3D): tf.Tensor2D {
  return tf.neg(tf.sum(tf.mul(y, tf.logSoftmax(logits)), -1)) as tf.Tensor2D;
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
      const [s, c] = tf.tidy(() => [tf.sum(tf.mul(tokenNll(model.predict(b.x) as tf.Tensor3D, b.y), b.baseMask)), tf.sum(b.baseMask)]);
      sum += (await s!.data())[0]!;
      count += (await c!.data())[0]!;
      tf.dispose([s!, c!]);
    } finally {
      tf.dispose([b.x, b.y, b.mask, b.baseMask]);
    }
  }
  return count > 0 ? sum / count : NaN;
}

interface GeneratorObjectiveData {
  pairs: readonly LabelledPair[];
  layout: TokenLayout;
}

const generatorObjective = registerObjective('pair-generator', (d: GeneratorObjectiveData) => ({
  // each pair predicts its label's successors: two length tokens and every base
  weight: (indices) => Array.from(indices).reduce((s, i) => s + d.pairs[i]!.a.length + d.pairs[i]!.b.length + 2, 0),
  loss: (model, indices, scale) => {
    const b = batchTensors(Array.from(indices, (i) => d.pairs[i]!), d.layout);
    return tf.mul(tf.sum(tf.mul(tokenNll(model.apply(b.x, { training: true }) as tf.Tensor3D, b.y), b.mask)), scale) as tf.Scalar;
  },
}));

export function generatorTask(train: readonly LabelledPair[], valid: readonly LabelledPair[], layout: TokenLayout): TrainingTask<GeneratorValidation> {
  return {
    shuffleStream: 'generator-shuffle',
    size: train.length,
    objective: generatorObjective({ pairs: train, layout }),
    validate: async (model, signal) => ({ validNll: await baseNll(model, valid, layout, 256, signal) }),
    improves: (v, best) => v.validNll < (best?.validNll ?? Infinity) - 1e-5,
  };
}
