// WeightedPositionMean: [values [B, L, V], logits [B, L, 1], mask [B, L]] -> [B, V], the mean of the
// per-position values weighted by softmax(logits) over the real positions. With per-position values this
// is the shape of a target that is itself an average of per-nucleotide measurements over a window: the
// network predicts a value per nucleotide and learns which nucleotides the average covers.
import * as tf from '../tf';

export class WeightedPositionMean extends tf.layers.Layer {
  static readonly className = 'BasepairWeightedPositionMean';

  constructor(args: { name?: string; trainable?: boolean } = {}) {
    super(args);
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const values = (inputShape as tf.Shape[])[0]!;
    return [values[0] ?? null, values[2] ?? null];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const [values, logits, mask] = inputs as [tf.Tensor3D, tf.Tensor3D, tf.Tensor2D];
      const masked = tf.add(tf.squeeze(logits, [2]), tf.mul(tf.sub(mask, 1), 1e9)); // [B, L]
      const weights = tf.expandDims(tf.softmax(masked), 1); // [B, 1, L]
      return tf.squeeze(tf.matMul(weights, values), [1]); // [B, V]
    });
  }
}
tf.serialization.registerClass(WeightedPositionMean);
