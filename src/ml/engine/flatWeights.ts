// Trainable weights as one Float32Array (each variable flattened, concatenated in order): how the training
// thread hands the current weights to its gradient workers at every step.
import * as tf from '../tf';

export function readFlatWeights(variables: readonly tf.Variable[]): Float32Array {
  const flat = tf.tidy(() => tf.concat(variables.map((v) => tf.reshape(v, [-1]))));
  try {
    return Float32Array.from(flat.dataSync() as Float32Array);
  } finally {
    flat.dispose();
  }
}

export function writeFlatWeights(variables: readonly tf.Variable[], values: Float32Array): void {
  const sizes = variables.map((v) => v.size);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (values.length !== total) throw new Error(`weights: ${values.length} values for ${total} weights`);
  tf.tidy(() => {
    const parts = tf.split(tf.tensor1d(values), sizes);
    variables.forEach((v, i) => v.assign(tf.reshape(parts[i]!, v.shape)));
  });
}
