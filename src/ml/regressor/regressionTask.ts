// The regressor as a task of the training engine: squared error of the standardised target (the
// objective 'regression', rebuilt in gradient workers), validation MSE and Spearman after every epoch,
// better = lower validation MSE.
import * as tf from '../tf';
import { spearman } from '../../core/metrics/regression';
import { registerObjective } from '../engine/objective';
import type { EpochOf, TrainingTask } from '../engine/task';
import { assembleBatch, inOrder, type EncodedRecord, type InputSpec } from '../features/batchEncoder';
import { predictEncoded } from './predictEncoded';

export interface RegressionData {
  spec: InputSpec;
  train: readonly EncodedRecord[];
  trainTargets: Float32Array;
  valid: readonly EncodedRecord[];
  validTargets: Float32Array;
}

export interface RegressionValidation {
  /** Mean squared error of the standardised target on the validation records. */
  validLoss: number;
  /** Spearman correlation of predictions and targets on the validation records. */
  validSpearman: number;
}

/** One epoch of a regressor: the engine's numbers and the validation's. */
export type EpochStats = EpochOf<RegressionValidation>;

interface RegressionObjectiveData {
  spec: InputSpec;
  records: readonly EncodedRecord[];
  targets: Float32Array;
}

const regressionObjective = registerObjective('regression', (d: RegressionObjectiveData) => ({
  weight: (indices) => indices.length,
  loss: (model, indices, scale) => {
    const x = assembleBatch(d.records, indices, d.spec);
    const y = tf.tensor2d(Float32Array.from(indices, (i) => d.targets[i]!), [indices.length, 1]);
    const out = model.apply(inOrder(model, x), { training: true }) as tf.Tensor;
    return tf.mul(tf.sum(tf.square(tf.sub(out, y))), scale) as tf.Scalar;
  },
}));

function mse(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return a.length ? s / a.length : NaN;
}

export function regressionTask(data: RegressionData, validationBatch = 128): TrainingTask<RegressionValidation> {
  return {
    shuffleStream: 'shuffle',
    size: data.train.length,
    objective: regressionObjective({ spec: data.spec, records: data.train, targets: data.trainTargets }),
    async validate(model, signal) {
      const pred = await predictEncoded(model, data.valid, data.spec, validationBatch, signal);
      return { validLoss: mse(pred, data.validTargets), validSpearman: spearman(pred, data.validTargets) };
    },
    improves: (v, best) => v.validLoss < (best?.validLoss ?? Infinity) - 1e-6,
  };
}
