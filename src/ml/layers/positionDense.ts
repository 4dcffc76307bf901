// PositionDense: the same dense layer applied at every position, [batch, length, C] -> [batch, length, F],
// act(x W + b) with act ReLU or linear. What tf.layers.dense does on 3-D inputs, but through the fused
// denseRelu (one _FusedMatMul forward; dW and dBias from one matMul backward), which on wasm takes
// fewer and cheaper kernels per step than the stock dense's transposed matMul + bias reduction.
import * as tf from '../tf';
import { denseRelu } from './denseRelu';

export interface PositionDenseArgs {
  units: number;
  activation?: 'relu' | 'linear';
  /** Seed of the Glorot-uniform kernel initialiser (reproducible models). */
  seed?: number;
  name?: string;
  trainable?: boolean;
}

export class PositionDense extends tf.layers.Layer {
  static readonly className = 'BasepairPositionDense';
  readonly units: number;
  readonly activationName: 'relu' | 'linear';
  readonly seed: number | undefined;
  private kernel: tf.LayerVariable | undefined;
  private bias: tf.LayerVariable | undefined;

  constructor(args: PositionDenseArgs) {
    super(args);
    this.units = args.units;
    this.activationName = args.activation ?? 'linear';
    this.seed = args.seed;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = inputShape as tf.Shape;
    const channels = shape[shape.length - 1]!;
    const seed = this.seed === undefined ? {} : { seed: this.seed };
    this.kernel = this.addWeight('kernel', [channels, this.units], 'float32', tf.initializers.glorotUniform(seed));
    this.bias = this.addWeight('bias', [this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = inputShape as tf.Shape;
    return [...shape.slice(0, -1), this.units];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      const [batch, length, channels] = x.shape;
      const y = denseRelu(tf.reshape(x, [batch * length, channels]), this.kernel!.read() as tf.Tensor2D, this.bias!.read() as tf.Tensor1D, this.activationName === 'relu');
      return tf.reshape(y, [batch, length, this.units]);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units, activation: this.activationName, ...(this.seed === undefined ? {} : { seed: this.seed }) };
  }
}
tf.serialization.registerClass(PositionDense);
