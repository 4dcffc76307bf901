// One gradient shard of a batch: the objective's weighted loss on the shard's items (scaled by the
// batch's total weight) and its gradient with respect to the trainable weights, concatenated (each
// weight flattened, in trainableWeights order) into one vector. The training thread and the gradient
// workers run this same code, so a shard's gradient never depends on where it was computed.
import * as tf from '../tf';
import { setDropoutCallNumber } from '../layers/seededDropout';
import type { Objective } from './objective';

/** The model's trainable weights as TF.js variables, in trainableWeights order. */
export function trainableVariables(model: tf.LayersModel): tf.Variable[] {
  return model.trainableWeights.map((w) => w.read() as tf.Variable);
}

export interface ShardWork {
  indices: ArrayLike<number>;
  /** 1 / the batch's total weight. */
  scale: number;
  /** Selects the dropout masks of this (step, shard): masks never depend on the thread. */
  dropoutCall: number;
}

/** Loss (scalar) and flat gradient ([total weights]) of one shard; the caller disposes both. */
export function shardGradient(model: tf.LayersModel, variables: readonly tf.Variable[], objective: Objective, work: ShardWork): { loss: tf.Scalar; grad: tf.Tensor1D } {
  setDropoutCallNumber(model, work.dropoutCall);
  return tf.tidy(() => {
    const { value, grads } = tf.variableGrads(() => objective.loss(model, work.indices, work.scale), [...variables]);
    const grad = tf.concat(variables.map((v) => (grads[v.name] ? tf.reshape(grads[v.name]!, [-1]) : tf.zeros([v.size])))) as tf.Tensor1D;
    return { loss: value, grad };
  });
}
