// Small weightless layers that route tensors in the pair classifier (all registered for serialisation):
//   SequenceMask     one-hot [B, L, 4] -> [B, L, 1]: 1 at real positions (a one-hot row sums to 1), 0 at padding
//   ChannelSlice     [..., C] -> [..., size] from channel `begin` (a selector matMul)
//   BroadcastMultiply [x [..., F], m [..., 1]] -> x * m
//   AxisReduce       max / sum over `axis` (times `scale`)
//   MaskedMean       [x [B, L, F], m [B, L, 1]] -> sum(x m) / max(1, sum(m))   [B, F]
import * as tf from '../../tf';

type BaseArgs = { name?: string; trainable?: boolean };

export class SequenceMask extends tf.layers.Layer {
  static readonly className = 'BasepairSequenceMask';
  constructor(args: BaseArgs = {}) {
    super(args);
  }
  override computeOutputShape(s: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = s as tf.Shape;
    return [...shape.slice(0, -1), 1];
  }
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => tf.minimum(tf.sum(Array.isArray(inputs) ? inputs[0]! : inputs, -1, true), 1));
  }
}
tf.serialization.registerClass(SequenceMask);

export class ChannelSlice extends tf.layers.Layer {
  static readonly className = 'BasepairChannelSlice';
  readonly begin: number;
  readonly size: number;
  constructor(args: BaseArgs & { begin: number; size: number }) {
    super(args);
    this.begin = args.begin;
    this.size = args.size;
  }
  override computeOutputShape(s: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = s as tf.Shape;
    return [...shape.slice(0, -1), this.size];
  }
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0]! : inputs;
      // As a matMul with a 0/1 selector (exact): wasm runs Slice of 4-D tensors in JS, ~10x slower.
      const c = x.shape[x.rank - 1]!;
      const select = new Float32Array(c * this.size);
      for (let k = 0; k < this.size; k++) select[(this.begin + k) * this.size + k] = 1;
      const flat = tf.reshape(x, [-1, c]) as tf.Tensor2D;
      const out = tf.matMul(flat, tf.tensor2d(select, [c, this.size]));
      return tf.reshape(out, [...x.shape.slice(0, -1), this.size]);
    });
  }
  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), begin: this.begin, size: this.size };
  }
}
tf.serialization.registerClass(ChannelSlice);

export class BroadcastMultiply extends tf.layers.Layer {
  static readonly className = 'BasepairBroadcastMultiply';
  constructor(args: BaseArgs = {}) {
    super(args);
  }
  override computeOutputShape(s: tf.Shape | tf.Shape[]): tf.Shape {
    return (s as tf.Shape[])[0]!;
  }
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const [x, m] = inputs as tf.Tensor[];
    return tf.mul(x!, m!);
  }
}
tf.serialization.registerClass(BroadcastMultiply);

export class AxisReduce extends tf.layers.Layer {
  static readonly className = 'BasepairAxisReduce';
  readonly op: 'max' | 'sum';
  readonly axis: number;
  readonly scale: number;
  constructor(args: BaseArgs & { op: 'max' | 'sum'; axis: number; scale?: number }) {
    super(args);
    this.op = args.op;
    this.axis = args.axis;
    this.scale = args.scale ?? 1;
  }
  override computeOutputShape(s: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = s as tf.Shape;
    return shape.filter((_, k) => k !== this.axis);
  }
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0]! : inputs;
      const r = this.op === 'max' ? maxAlong(x, this.axis) : tf.sum(x, this.axis);
      return this.scale === 1 ? r : tf.mul(r, this.scale);
    });
  }
  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), op: this.op, axis: this.axis, scale: this.scale };
  }
}
tf.serialization.registerClass(AxisReduce);

/**
 * max over one axis with a cheaper gradient than tfjs' (whose broadcast Equal costs ~70 ms per call on
 * wasm): dx = dy at every maximum, as 1 - step(max - x) (ties all receive dy, like tfjs).
 */
export function maxAlong(x: tf.Tensor, axis: number): tf.Tensor {
  const f = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [t, save] = args as [tf.Tensor, tf.GradSaveFunc];
    const m = tf.max(t, axis, true);
    save([t, m]);
    return {
      value: tf.squeeze(m, [axis]),
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const [xs, ms] = saved as [tf.Tensor, tf.Tensor];
        const atMax = tf.sub(1, tf.step(tf.sub(ms, xs)));
        return tf.mul(atMax, tf.expandDims(dy as tf.Tensor, axis));
      },
    };
  });
  return f(x);
}

export class MaskedMean extends tf.layers.Layer {
  static readonly className = 'BasepairMaskedMean';
  constructor(args: BaseArgs = {}) {
    super(args);
  }
  override computeOutputShape(s: tf.Shape | tf.Shape[]): tf.Shape {
    const x = (s as tf.Shape[])[0]!;
    return [x[0] ?? null, x[2] ?? null];
  }
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const [x, m] = inputs as tf.Tensor3D[];
      return tf.div(tf.sum(tf.mul(x!, m!), 1), tf.maximum(tf.sum(m!, 1), 1));
    });
  }
}
tf.serialization.registerClass(MaskedMean);
