// Layers that respect the padding mask of variable-length batches (sequences are right-padded to the
// longest one in a batch; mask [batch, L] is 1 on real positions, 0 on padding):
//   ApplyMask               [H, mask] -> H * mask        (keeps padded positions at exactly zero)
//   MaskedMeanPooling       [H, mask] -> sum(mask H) / sum(mask)
//   MaskedAttentionPooling  [H, mask] -> sum_i a_i H_i, a = softmax over real positions of (H w + b),
//                           one set of weights per head, heads concatenated -> [batch, heads * C].
// Attention pooling lets a per-sequence target that is an average over a sub-window of the sequence
// (e.g. the first L-39 nt) be matched: the weights can learn which positions count.
import * as tf from '../tf';

function split(inputs: tf.Tensor | tf.Tensor[]): [tf.Tensor3D, tf.Tensor2D] {
  const [h, mask] = inputs as [tf.Tensor3D, tf.Tensor2D];
  return [h, mask];
}

function shapes(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
  return (inputShape as tf.Shape[])[0]!;
}

interface BaseArgs {
  name?: string;
  trainable?: boolean;
}

export class ApplyMask extends tf.layers.Layer {
  static readonly className = 'BasepairApplyMask';
  constructor(args: BaseArgs = {}) {
    super(args);
  }
  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return shapes(inputShape);
  }
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const [h, mask] = split(inputs);
      return tf.mul(h, tf.expandDims(mask, 2));
    });
  }
}
tf.serialization.registerClass(ApplyMask);

export class MaskedMeanPooling extends tf.layers.Layer {
  static readonly className = 'BasepairMaskedMeanPooling';
  constructor(args: BaseArgs = {}) {
    super(args);
  }
  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const s = shapes(inputShape);
    return [s[0] ?? null, s[2] ?? null];
  }
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const [h, mask] = split(inputs);
      const total = tf.sum(tf.mul(h, tf.expandDims(mask, 2)), 1);
      return tf.div(total, tf.maximum(tf.sum(mask, 1, true), 1));
    });
  }
}
tf.serialization.registerClass(MaskedMeanPooling);

export interface MaskedAttentionPoolingArgs extends BaseArgs {
  /** Number of independent attention heads (default 1). Output width = heads * channels. */
  heads?: number;
  /** Seed of the Glorot-uniform initialiser of the scoring weights. */
  seed?: number;
}

export class MaskedAttentionPooling extends tf.layers.Layer {
  static readonly className = 'BasepairMaskedAttentionPooling';
  readonly heads: number;
  readonly seed: number | undefined;
  private kernel: tf.LayerVariable | undefined;
  private bias: tf.LayerVariable | undefined;

  constructor(args: MaskedAttentionPoolingArgs = {}) {
    super(args);
    this.heads = args.heads ?? 1;
    this.seed = args.seed;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const channels = shapes(inputShape)[2]!;
    const seed = this.seed === undefined ? {} : { seed: this.seed };
    this.kernel = this.addWeight('kernel', [channels, this.heads], 'float32', tf.initializers.glorotUniform(seed));
    this.bias = this.addWeight('bias', [this.heads], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const s = shapes(inputShape);
    return [s[0] ?? null, s[2] == null ? null : s[2] * this.heads];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const [h, mask] = split(inputs);
      const [batch, length, channels] = h.shape;
      const scores = tf.reshape(tf.add(tf.matMul(tf.reshape(h, [batch * length, channels]), this.kernel!.read() as tf.Tensor2D), this.bias!.read()), [
        batch,
        length,
        this.heads,
      ]);
      // padded positions get -1e9 before the softmax over the length axis
      const masked = tf.add(scores, tf.mul(tf.sub(tf.expandDims(mask, 2), 1), 1e9));
      const weights = tf.softmax(tf.transpose(masked, [0, 2, 1])); // [B, heads, L]
      const pooled = tf.matMul(weights, h); // [B, heads, C]
      return tf.reshape(pooled, [batch, this.heads * channels]);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), heads: this.heads, ...(this.seed === undefined ? {} : { seed: this.seed }) };
  }
}
tf.serialization.registerClass(MaskedAttentionPooling);
