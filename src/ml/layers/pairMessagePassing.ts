// PairMessagePassing: one round of message passing over base pairs, H' = H + act((P.H) W + b).
//
// H [batch, L, C] per-position features; P the L x L pair matrix (0/1 from a dot-bracket, or base-pair
// probabilities; symmetric, rows sum to <= 1). P.H is, for every position, its partner's features (or
// their probability-weighted mean). Output has the shape of H (residual). Two equivalent ways to give P:
//   [H, P]                    P dense [batch, L, L]: P.H as one batched matMul. Exact for any P, but
//                             tfjs-backend-wasm runs batched matMuls (both operands batched) in a naive
//                             loop: ~35 ms for [64,107,107]x[64,107,48] on one core, 2 passes per step.
//   [H, index, weights]       P by rows as its K largest entries: index = FlatPartnerIndex(partners),
//                             partners [batch, L, K] the partner positions (any where the weight is
//                             0), weights [batch, L, K]. P.H is
//                             then a gather + weighted sum, O(L K C), ~100x cheaper. Exact when every row
//                             has <= K non-zeros (always for a dot-bracket with K = 1); for probabilities
//                             the encoder keeps the K largest per row.
// In the dense form P is symmetric, so d(P.H)/dH = P.dY: a custom gradient keeps the backward pass an
// untransposed matMul. The pair inputs are data and get no gradient.
import * as tf from '../tf';
import { denseRelu } from './denseRelu';

export interface PairMessagePassingArgs {
  /** Activation of the message transform f. Default 'relu'. */
  activation?: string;
  /** Seed of the Glorot-uniform initialiser of W. */
  seed?: number;
  name?: string;
  trainable?: boolean;
}

type ActivationId = Parameters<typeof tf.layers.activation>[0]['activation'];

const pairProduct = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [h, p, save] = args as [tf.Tensor3D, tf.Tensor3D, tf.GradSaveFunc];
  save([p]);
  return {
    value: tf.matMul(p, h),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => [tf.matMul(saved[0] as tf.Tensor3D, dy as tf.Tensor3D), tf.zerosLike(saved[0]!)],
  };
});

/** P.H for a symmetric dense P [B, L, L] and H [B, L, C], with dH = P.dY and no gradient for P. */
export function symmetricPairProduct(h: tf.Tensor3D, p: tf.Tensor3D): tf.Tensor3D {
  return pairProduct(h, p) as tf.Tensor3D;
}

/**
 * sum_k weights[r, k] * rows[index[r, k]] for rows [N, C], index int32 [N*K, 1], weights [N, K]; the
 * gradient with respect to rows is the transpose, a scatterND of the weighted upstream gradient
 * (tfjs has no gradient for gatherND; on wasm gatherND is ~5x faster than gather).
 */
const weightedGather = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [rows, index, weights, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
  save([index, weights]);
  const [n, channels] = rows.shape;
  const k = weights.shape[1];
  const gathered = tf.gatherND(rows, index) as tf.Tensor2D; // [N*K, C]
  const value =
    k === 1 ? tf.mul(gathered, weights) : tf.sum(tf.mul(tf.reshape(gathered, [n, k, channels]), tf.expandDims(weights, 2)), 1);
  return {
    value,
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [savedIndex, savedWeights] = saved as [tf.Tensor2D, tf.Tensor2D];
      const weighted = k === 1 ? tf.mul(dy, savedWeights) : tf.reshape(tf.mul(tf.expandDims(dy, 1), tf.expandDims(savedWeights, 2)), [n * k, channels]);
      return [tf.scatterND(savedIndex, weighted, [n, channels]), tf.zerosLike(savedIndex), tf.zerosLike(savedWeights)];
    },
  };
});

/**
 * Flat row indices b * L + j of partners [B, L, K] (positions j within each sequence) as [B * L * K, 1]
 * int32, the form sparsePairProduct gathers with. Computed in the graph (once per model, see
 * FlatPartnerIndex) so that any slicing of a batch keeps them right.
 */
export function flatPartnerIndex(partners: tf.Tensor3D): tf.Tensor2D {
  return tf.tidy(() => {
    const [batch, length, k] = partners.shape;
    const rowStart = tf.reshape(tf.mul(tf.range(0, batch, 1, 'int32'), tf.scalar(length, 'int32')), [batch, 1, 1]);
    return tf.reshape(tf.add(tf.cast(partners, 'int32'), rowStart), [batch * length * k, 1]);
  });
}

/**
 * P.H with P given by rows as (partner, weight) lists: `index` the flat partner rows [B * L * K, 1]
 * (flatPartnerIndex; int32, or float32 from FlatPartnerIndex), weights [B, L, K].
 */
export function sparsePairProduct(h: tf.Tensor3D, index: tf.Tensor2D, weights: tf.Tensor3D): tf.Tensor3D {
  return tf.tidy(() => {
    const [batch, length, channels] = h.shape;
    const k = weights.shape[2];
    const rows = tf.reshape(h, [batch * length, channels]);
    const rowIndex = index.dtype === 'int32' ? index : tf.cast(index, 'int32');
    const value = weightedGather(rows, rowIndex, tf.reshape(weights, [batch * length, k])) as tf.Tensor2D;
    return tf.reshape(value, [batch, length, channels]);
  });
}

/**
 * [partners [B, L, K] int32] -> flat partner rows [B * L * K, 1], shared by all message-passing layers
 * of a model. Emitted as float32 (exact below 2^24 rows): TF.js layers casts every symbolic layer output
 * to float32; sparsePairProduct casts back.
 */
export class FlatPartnerIndex extends tf.layers.Layer {
  static readonly className = 'BasepairFlatPartnerIndex';
  constructor(args: { name?: string } = {}) {
    super(args);
  }
  override computeOutputShape(): tf.Shape {
    return [null, 1];
  }
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => tf.cast(flatPartnerIndex((Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D), 'float32'));
  }
}
tf.serialization.registerClass(FlatPartnerIndex);

export class PairMessagePassing extends tf.layers.Layer {
  static readonly className = 'BasepairPairMessagePassing';
  readonly activationName: string;
  readonly seed: number | undefined;
  private readonly activationLayer: tf.layers.Layer;
  private kernel: tf.LayerVariable | undefined;
  private bias: tf.LayerVariable | undefined;

  constructor(args: PairMessagePassingArgs = {}) {
    super(args);
    this.activationName = args.activation ?? 'relu';
    this.seed = args.seed;
    this.activationLayer = tf.layers.activation({ activation: this.activationName as ActivationId });
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const hShape = (inputShape as tf.Shape[])[0]!;
    const channels = hShape[hShape.length - 1]!;
    const seed = this.seed === undefined ? {} : { seed: this.seed };
    this.kernel = this.addWeight('kernel', [channels, channels], 'float32', tf.initializers.glorotUniform(seed));
    this.bias = this.addWeight('bias', [channels], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return (inputShape as tf.Shape[])[0]!;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const list = inputs as tf.Tensor[];
      const h = list[0] as tf.Tensor3D;
      const [batch, length, channels] = h.shape;
      const messages =
        list.length === 2 ? symmetricPairProduct(h, list[1] as tf.Tensor3D) : sparsePairProduct(h, list[1] as tf.Tensor2D, list[2] as tf.Tensor3D);
      const a = tf.reshape(messages, [batch * length, channels]);
      const kernel = this.kernel!.read() as tf.Tensor2D;
      const bias = this.bias!.read();
      const fused = this.activationName === 'relu' || this.activationName === 'linear';
      const transformed = fused
        ? denseRelu(a as tf.Tensor2D, kernel, bias as tf.Tensor1D, this.activationName === 'relu')
        : (this.activationLayer.apply(tf.add(tf.matMul(a, kernel), bias)) as tf.Tensor2D);
      return tf.add(h, tf.reshape(transformed, [batch, length, channels]));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), activation: this.activationName, ...(this.seed === undefined ? {} : { seed: this.seed }) };
  }
}
tf.serialization.registerClass(PairMessagePassing);
