// PairInteractionMap: [a [B, La, 4], b [B, Lb, 4]] (one-hot or soft one-hot, 5'->3') -> the interaction
// map [B, La, Lb, C] of ../encoding.ts, computed as two matMuls with the fixed channel weights, so that
// it is differentiable in both inputs (design mode optimises sequences through it). No trainable weights.
import * as tf from '../../tf';
import { mapChannelCount, mapWeights, type MapChannels } from '../encoding';

export interface PairInteractionMapArgs {
  channels?: MapChannels;
  name?: string;
  trainable?: boolean;
}

export class PairInteractionMap extends tf.layers.Layer {
  static readonly className = 'BasepairPairInteractionMap';
  readonly channels: MapChannels;
  private weightsTensor: tf.Tensor2D | undefined;

  constructor(args: PairInteractionMapArgs = {}) {
    super(args);
    this.channels = args.channels ?? 'pairing';
  }

  /** W1 [4, C * 4] with W1[x, c * 4 + y] = W[x][y][c]. */
  private weightMatrix(): tf.Tensor2D {
    if (!this.weightsTensor || this.weightsTensor.isDisposed) {
      const C = mapChannelCount(this.channels);
      const w = mapWeights(this.channels);
      const m = new Float32Array(4 * C * 4);
      for (let x = 0; x < 4; x++) for (let y = 0; y < 4; y++) for (let c = 0; c < C; c++) m[x * C * 4 + c * 4 + y] = w[(x * 4 + y) * C + c]!;
      this.weightsTensor = tf.keep(tf.tensor2d(m, [4, C * 4]));
    }
    return this.weightsTensor;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const [a, b] = inputShape as tf.Shape[];
    return [a![0] ?? null, a![1] ?? null, b![1] ?? null, mapChannelCount(this.channels)];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const w = this.weightMatrix();
    return tf.tidy(() => {
      const [a, b] = inputs as [tf.Tensor3D, tf.Tensor3D];
      const [batch, la] = a.shape;
      const lb = b.shape[1];
      const C = mapChannelCount(this.channels);
      const p = tf.reshape(tf.matMul(tf.reshape(a, [batch * la, 4]), w), [batch, la * C, 4]);
      const q = tf.matMul(p, b, false, true); // [B, La * C, Lb]
      return tf.transpose(tf.reshape(q, [batch, la, C, lb]), [0, 1, 3, 2]);
    });
  }

  override dispose(): ReturnType<tf.layers.Layer['dispose']> {
    this.weightsTensor?.dispose();
    this.weightsTensor = undefined;
    return super.dispose();
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), channels: this.channels };
  }
}
tf.serialization.registerClass(PairInteractionMap);
