// DilatedConv1D: a trainable dilated 1-D convolution (channels last, [batch, length, channels]).
//
// tf.layers.conv1d({dilationRate > 1}) runs forward but cannot be TRAINED on any tfjs backend,
// tfjs-node included: tfjs-core's conv2d gradient asserts dilations == 1 ("dilation rates greater than 1
// are not yet supported in gradients"). This layer runs the native dilated convolution forward (fused
// with bias and ReLU) and supplies the gradients itself (tf.customGrad), each as a few ops every backend
// has: a dilated conv1d for dX and one conv2d (batch as channels) for dW. Also used undilated: fewer ops
// per step than the stock conv1d + bias + activation on wasm.
import * as tf from '../tf';

export interface DilatedConv1DArgs {
  filters: number;
  kernelSize: number;
  dilationRate?: number;
  /** 'same' (needs an odd kernelSize when dilated) or 'valid'. */
  padding?: 'same' | 'valid';
  /** Any tf.layers activation identifier. Default 'linear'. */
  activation?: string;
  useBias?: boolean;
  /** Seed of the Glorot-uniform kernel initialiser (reproducible models). */
  seed?: number;
  /**
   * The input is model input data (e.g. the first layer on the features): its gradient is never needed,
   * so it is returned as zeros instead of computed (saves a convolution per step).
   */
  inputIsData?: boolean;
  name?: string;
  trainable?: boolean;
}

type ActivationId = Parameters<typeof tf.layers.activation>[0]['activation'];

export class DilatedConv1D extends tf.layers.Layer {
  static readonly className = 'BasepairDilatedConv1D';
  readonly filters: number;
  readonly kernelSize: number;
  readonly dilationRate: number;
  readonly padding: 'same' | 'valid';
  readonly activationName: string;
  readonly useBias: boolean;
  readonly seed: number | undefined;
  readonly inputIsData: boolean;
  private readonly activationLayer: tf.layers.Layer;
  private kernel: tf.LayerVariable | undefined;
  private bias: tf.LayerVariable | undefined;

  constructor(args: DilatedConv1DArgs) {
    super(args); // the base class takes name/trainable/dtype (also when deserialising)
    this.filters = args.filters;
    this.kernelSize = args.kernelSize;
    this.dilationRate = args.dilationRate ?? 1;
    this.padding = args.padding ?? 'same';
    this.activationName = args.activation ?? 'linear';
    this.useBias = args.useBias ?? true;
    this.seed = args.seed;
    this.inputIsData = args.inputIsData ?? false;
    if (this.padding !== 'same' && this.padding !== 'valid') throw new Error('DilatedConv1D: padding must be same or valid');
    if (this.padding === 'same' && this.kernelSize % 2 === 0 && this.dilationRate > 1) {
      throw new Error('DilatedConv1D: padding "same" with dilation needs an odd kernelSize');
    }
    this.activationLayer = tf.layers.activation({ activation: this.activationName as ActivationId });
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const channels = shape[shape.length - 1]!;
    const seed = this.seed === undefined ? {} : { seed: this.seed };
    this.kernel = this.addWeight('kernel', [this.kernelSize, channels, this.filters], 'float32', tf.initializers.glorotUniform(seed));
    if (this.useBias) this.bias = this.addWeight('bias', [this.filters], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  private outputLength(length: number | null): number | null {
    if (length === null) return null;
    return this.padding === 'same' ? length : length - this.dilationRate * (this.kernelSize - 1);
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [shape[0] ?? null, this.outputLength(shape[1] ?? null), this.filters];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      const kernel = this.kernel!.read() as tf.Tensor3D;
      const bias = this.useBias ? (this.bias!.read() as tf.Tensor1D) : undefined;
      const fused = this.activationName === 'relu' || this.activationName === 'linear';
      const y = dilatedConv1d(x, kernel, this.dilationRate, this.padding, bias, fused && this.activationName === 'relu', this.inputIsData);
      return fused ? y : (this.activationLayer.apply(y) as tf.Tensor);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      filters: this.filters,
      kernelSize: this.kernelSize,
      dilationRate: this.dilationRate,
      padding: this.padding,
      activation: this.activationName,
      useBias: this.useBias,
      ...(this.seed === undefined ? {} : { seed: this.seed }),
      ...(this.inputIsData ? { inputIsData: true } : {}),
    };
  }
}
tf.serialization.registerClass(DilatedConv1D);

function paddingOf(kernelSize: number, dilation: number, padding: 'same' | 'valid'): [number, number] {
  if (padding === 'valid') return [0, 0];
  const total = (kernelSize - 1) * dilation;
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

/**
 * relu?(x [B, L, C] (*) kernel [K, C, F] + bias) with dilation d. Forward: the FusedConv2D kernel called
 * directly (XNNPACK on wasm; conv, bias and ReLU in one pass: tf.fused.conv2d would split it into three
 * ops, since it only fuses a ReLU outside gradient recording, and here we are inside tf.customGrad, whose
 * forward ops are not recorded). Gradients (tfjs has none for dilation > 1), each a handful of ops:
 * g = dy * (out > 0) for ReLU;
 *   dX = full correlation of g with the flipped, in/out-swapped kernel, same dilation;
 *   dW[k, c, f] = sum_{b,t} xpad[b, t + k d, c] g[b, t, f]: a conv2d with the batch as channels,
 *        x^T [C, 1, Lp, B] as input, g^T [1, L', B, F] as filter, stride d -> [C, 1, K, F]
 *        (measured against one matMul per tap and against im2col + one matMul: both slower in a real
 *        training step); dBias = sum(g).
 */
function makeDilatedConv(dilation: number, padding: 'same' | 'valid', relu: boolean, inputIsData: boolean) {
  return tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [x, kernel, bias, save] = args as [tf.Tensor3D, tf.Tensor3D, tf.Tensor1D, tf.GradSaveFunc];
    const [batch, length, channels] = x.shape;
    const [k, , f] = kernel.shape;
    const y4 = tf.engine().runKernel(
      'FusedConv2D',
      { x: tf.reshape(x, [batch, 1, length, channels]), filter: tf.reshape(kernel, [1, k, channels, f]), bias },
      { strides: [1, 1], pad: padding, dataFormat: 'NHWC', dilations: [1, dilation], activation: relu ? 'relu' : 'linear' } as unknown as tf.NamedAttrMap,
    ) as tf.Tensor4D;
    const value = tf.reshape(y4, [batch, y4.shape[2], f]) as tf.Tensor3D;
    save([x, kernel, value]);
    return {
      value,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, sk, out] = saved as [tf.Tensor3D, tf.Tensor3D, tf.Tensor3D];
        const g = (relu ? tf.mul(dy, tf.step(out)) : dy) as tf.Tensor3D;
        const [pl, pr] = paddingOf(k, dilation, padding);
        const span = (k - 1) * dilation;
        const flipped = () => tf.transpose(tf.reverse(sk, 0), [0, 2, 1]) as tf.Tensor3D; // [K, F, C]
        const dx = inputIsData ? tf.zerosLike(sx) : tf.conv1d(tf.pad(g, [[0, 0], [span - pl, span - pr], [0, 0]]), flipped(), 1, 'valid', 'NWC', dilation);
        const xPadded = tf.pad(sx, [[0, 0], [pl, pr], [0, 0]]);
        const xT = tf.transpose(tf.reshape(xPadded, [batch, 1, length + pl + pr, channels]), [3, 1, 2, 0]) as tf.Tensor4D; // [C, 1, Lp, B]
        const gT = tf.transpose(tf.reshape(g, [batch, 1, g.shape[1], f]), [1, 2, 0, 3]) as tf.Tensor4D; // [1, L', B, F]
        const dwT = tf.conv2d(xT, gT, [1, dilation], 'valid'); // [C, 1, K, F]
        const dw = tf.reshape(tf.transpose(dwT, [1, 2, 0, 3]), [k, channels, f]);
        const dBias = tf.sum(g, [0, 1]);
        return [dx, dw, dBias];
      },
    };
  });
}

const dilatedConvs = new Map<string, ReturnType<typeof makeDilatedConv>>();

/**
 * The dilated convolution, differentiable on every backend: x [B, L, C], kernel [K, C, F] (+ bias [F],
 * + ReLU) -> [B, L', F] (L' = L for 'same', L - d(K-1) for 'valid').
 */
export function dilatedConv1d(
  x: tf.Tensor3D,
  kernel: tf.Tensor3D,
  dilation: number,
  padding: 'same' | 'valid',
  bias?: tf.Tensor1D,
  relu = false,
  inputIsData = false,
): tf.Tensor3D {
  const key = `${dilation}/${padding}/${relu}/${inputIsData}`;
  let op = dilatedConvs.get(key);
  if (!op) dilatedConvs.set(key, (op = makeDilatedConv(dilation, padding, relu, inputIsData)));
  return tf.tidy(() => op(x, kernel, bias ?? tf.zeros([kernel.shape[2]])) as tf.Tensor3D);
}
