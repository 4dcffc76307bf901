// DiagonalSkew: [B, La, Lb, C] -> [B, La + 1, La + Lb - 1, C] with Z[i, d] = X[i, d - i] (zero outside,
// and a last row of zeros, see skew()), so
// that every anti-diagonal i + j = d of the interaction map becomes column d, read along A's positions i.
// A run of stacked antiparallel pairs is then a vertical run in one column: convolutions along axis 1
// see complementarity at any offset, and sums along axis 1 count the pairs of one alignment. Done with
// pad + reshape (no gather, no slice), so gradients are cheap on every backend. No trainable weights.
import * as tf from '../../tf';

export class DiagonalSkew extends tf.layers.Layer {
  static readonly className = 'BasepairDiagonalSkew';

  constructor(args: { name?: string; trainable?: boolean } = {}) {
    super(args);
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const s = inputShape as tf.Shape;
    const d = s[1] != null && s[2] != null ? s[1] + s[2] - 1 : null;
    return [s[0] ?? null, s[1] != null ? s[1] + 1 : null, d, s[3] ?? null];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0]! : inputs) as tf.Tensor4D;
      return skew(x);
    });
  }
}
tf.serialization.registerClass(DiagonalSkew);

/**
 * The skew as a function. Rows padded to P = La + Lb and read with stride P - 1; padding the flat
 * array with Lb - 1 more zeros makes that an exact reshape to [La + 1, P - 1] whose extra last row is
 * all zeros (it reads only padding). Keeping that zero row instead of slicing it off (wasm runs Slice
 * in JS) changes nothing downstream: every later feature is masked by the 'real' channel, and maxima
 * and sums along A ignore zeros.
 */
export function skew(x: tf.Tensor4D): tf.Tensor4D {
  const [batch, la, lb, c] = x.shape;
  const width = la + lb; // row length after padding
  const padded = tf.pad(x, [[0, 0], [0, 0], [0, la], [0, 0]]);
  const flat = tf.pad(tf.reshape(padded, [batch, la * width, c]), [[0, 0], [0, lb - 1], [0, 0]]);
  return tf.reshape(flat, [batch, la + 1, width - 1, c]);
}
