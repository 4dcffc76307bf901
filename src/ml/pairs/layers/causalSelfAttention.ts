// CausalSelfAttention: multi-head self-attention over [B, T, d] where position t sees positions <= t
// (the generator's decoder blocks). Weights: qkv kernel [d, 3d] + bias, output kernel [d, d] + bias,
// Glorot-uniform from a seed. The generator's incremental sampler (../generator/decoder.ts) runs the
// same arithmetic one position at a time with cached keys and values.
import * as tf from '../../tf';

export interface CausalSelfAttentionArgs {
  heads: number;
  seed?: number;
  name?: string;
  trainable?: boolean;
}

export class CausalSelfAttention extends tf.layers.Layer {
  static readonly className = 'BasepairCausalSelfAttention';
  readonly heads: number;
  readonly seed: number | undefined;
  private qkvKernel: tf.LayerVariable | undefined;
  private qkvBias: tf.LayerVariable | undefined;
  private outKernel: tf.LayerVariable | undefined;
  private outBias: tf.LayerVariable | undefined;

  constructor(args: CausalSelfAttentionArgs) {
    super(args);
    this.heads = args.heads;
    this.seed = args.seed;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const d = (inputShape as tf.Shape)[2]!;
    if (d % this.heads !== 0) throw new Error(`CausalSelfAttention: width ${d} is not a multiple of ${this.heads} heads`);
    const init = (k: number) => tf.initializers.glorotUniform(this.seed === undefined ? {} : { seed: this.seed + k });
    this.qkvKernel = this.addWeight('qkv_kernel', [d, 3 * d], 'float32', init(0));
    this.qkvBias = this.addWeight('qkv_bias', [3 * d], 'float32', tf.initializers.zeros());
    this.outKernel = this.addWeight('out_kernel', [d, d], 'float32', init(1));
    this.outBias = this.addWeight('out_bias', [d], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return inputShape as tf.Shape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0]! : inputs) as tf.Tensor3D;
      const [batch, steps, d] = x.shape;
      const h = this.heads;
      const dh = d / h;
      const qkv = tf.add(tf.matMul(tf.reshape(x, [batch * steps, d]), this.qkvKernel!.read() as tf.Tensor2D), this.qkvBias!.read());
      const part = (k: number) => tf.transpose(tf.reshape(tf.slice(qkv, [0, k * d], [batch * steps, d]), [batch, steps, h, dh]), [0, 2, 1, 3]);
      const q = part(0);
      const k = part(1);
      const v = part(2);
      const future = tf.sub(1, tf.linalg.bandPart(tf.ones([steps, steps]), -1, 0)); // 1 above the diagonal
      const scores = tf.add(tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(dh)), tf.mul(future, -1e9));
      const context = tf.matMul(tf.softmax(scores), v); // [B, h, T, dh]
      const merged = tf.reshape(tf.transpose(context, [0, 2, 1, 3]), [batch * steps, d]);
      const out = tf.add(tf.matMul(merged, this.outKernel!.read() as tf.Tensor2D), this.outBias!.read());
      return tf.reshape(out, [batch, steps, d]);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), heads: this.heads, ...(this.seed === undefined ? {} : { seed: this.seed }) };
  }
}
tf.serialization.registerClass(CausalSelfAttention);
