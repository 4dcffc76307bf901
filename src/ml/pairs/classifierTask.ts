// The pair classifier as a task of the training engine: class-weighted binary cross-entropy of the logits
// (the objective 'pair-classifier', rebuilt in gradient workers), validation loss and AUROC after every
// epoch, better = higher validation AUROC (ties: lower loss).
import * as tf from '../tf';
import { auroc } from '../../core/metrics/classification';
import { registerObjective } from '../engine/objective';
import type { EpochOf, TrainingTask } from '../engine/task';
import { pairTensors, type LabelledPair } from './batches';
import { pairLogits } from './scorePairs';

export interface ClassifierValidation {
  validLoss: number;
  validAuroc: number;
}

/** One epoch of the pair classifier: the engine's numbers and the validation's. */
export type ClassifierEpoch = EpochOf<ClassifierValidation>;

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

interface ClassifierObjectiveData {
  pairs: readonly LabelledPair[];
  /** Loss weights of label 0 and label 1 (class balance). */
  classWeights: [number, number];
}

const classifierObjective = registerObjective('pair-classifier', (d: ClassifierObjectiveData) => {
  const weightOf = (i: number) => d.classWeights[d.pairs[i]!.label];
  return {
    weight: (indices) => Array.from(indices).reduce((s, i) => s + weightOf(i), 0),
    loss: (model, indices, scale) => {
      const x = pairTensors(d.pairs, indices);
      const y = tf.tensor2d(Float32Array.from(indices, (i) => d.pairs[i]!.label), [indices.length, 1]);
      const w = tf.tensor2d(Float32Array.from(indices, weightOf), [indices.length, 1]);
      const logits = model.apply([x.a, x.b], { training: true }) as tf.Tensor2D;
      return tf.mul(tf.sum(tf.losses.sigmoidCrossEntropy(y, logits, w, 0, tf.Reduction.NONE)), scale) as tf.Scalar;
    },
  };
});

export function classifierTask(train: readonly LabelledPair[], valid: readonly LabelledPair[], classWeights: [number, number]): TrainingTask<ClassifierValidation> {
  const validLabels = valid.map((p) => p.label);
  return {
    shuffleStream: 'pairs-shuffle',
    size: train.length,
    objective: classifierObjective({ pairs: train, classWeights }),
    async validate(model, signal) {
      const logits = await pairLogits(model, valid, 512, signal);
      return { validLoss: weightedLogLoss(logits, validLabels, classWeights), validAuroc: auroc(validLabels, logits) };
    },
    // Selection on validation AUROC (ties: lower loss): with class weights and grouped splits the loss
    // rises with over-confidence while the ranking still improves (seen on miRAW).
    improves(v, best) {
      const auc = Number.isFinite(v.validAuroc) ? v.validAuroc : -Infinity;
      const bestAuc = best && Number.isFinite(best.validAuroc) ? best.validAuroc : -Infinity;
      return auc > bestAuc + 1e-6 || (Math.abs(auc - bestAuc) <= 1e-6 && v.validLoss < (best?.validLoss ?? Infinity) - 1e-6);
    },
  };
}
