// One shard of a training batch: the mean-squared-error loss of the model on the shard's records and its
// gradient with respect to the trainable weights, concatenated (each weight flattened, in the model's
// trainableWeights order) into one vector. Run the same way on the training thread and in gradient
// workers, so a shard's gradient does not depend on where it was computed.
import * as tf from '@tensorflow/tfjs';
import { assembleBatch, inOrder, type EncodedRecord, type InputSpec } from '../../features/batchEncoder';
import { setDropoutCallNumber } from '../../layers/seededDropout';

/** The model's trainable weights as TF.js variables, in trainableWeights order. */
export function trainableVariables(model: tf.LayersModel): tf.Variable[] {
  return model.trainableWeights.map((w) => w.read() as tf.Variable);
}

export interface ShardInput {
  records: readonly EncodedRecord[];
  targets: Float32Array;
  spec: InputSpec;
}

/** Loss (scalar) and flat gradient ([total weights]) of one shard; the caller disposes both. */
export function shardGradient(
  model: tf.LayersModel,
  variables: readonly tf.Variable[],
  data: ShardInput,
  indices: ArrayLike<number>,
  dropoutCall: number,
): { loss: tf.Scalar; grad: tf.Tensor1D } {
  setDropoutCallNumber(model, dropoutCall);
  const x = assembleBatch(data.records, indices, data.spec);
  const y = tf.tensor2d(Float32Array.from(indices, (i) => data.targets[i]!), [indices.length, 1]);
  try {
    return tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => {
        const out = model.apply(inOrder(model, x), { training: true }) as tf.Tensor;
        return tf.mean(tf.square(tf.sub(out, y))) as tf.Scalar;
      }, [...variables]);
      const grad = tf.concat(variables.map((v) => (grads[v.name] ? tf.reshape(grads[v.name]!, [-1]) : tf.zeros([v.size])))) as tf.Tensor1D;
      return { loss: value, grad };
    });
  } finally {
    tf.dispose([...Object.values(x), y]);
  }
}
