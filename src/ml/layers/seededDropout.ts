// SeededDropout: dropout whose masks are reproducible. tf.layers.dropout({seed}) draws the SAME mask on
// every call (tf.dropout re-seeds its generator from `seed` each time), and without a seed it uses
// Math.random. This layer seeds call n with (seed + n): a fresh mask per training step, the same
// sequence of masks for the same seed. Identity at inference. Sharded training (training/shards) sets the
// call number itself (step * shards + shard), so that a shard's mask does not depend on which thread ran it.
import * as tf from '../tf';

export interface SeededDropoutArgs {
  rate: number;
  seed?: number;
  name?: string;
  trainable?: boolean;
}

export class SeededDropout extends tf.layers.Layer {
  static readonly className = 'BasepairSeededDropout';
  readonly rate: number;
  readonly seed: number;
  private calls = 0;

  constructor(args: SeededDropoutArgs) {
    super(args);
    if (!(args.rate >= 0 && args.rate < 1)) throw new Error('SeededDropout: rate must be in [0, 1)');
    this.rate = args.rate;
    this.seed = args.seed ?? 0;
  }

  /** The number the next training call draws its mask with (it then counts on from there). */
  setCallNumber(n: number): void {
    this.calls = n;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    if (!kwargs['training'] || this.rate === 0) return x; // like tf.layers.dropout: the input itself
    const seed = (this.seed + this.calls++ * 7919) % 2147483647;
    return tf.dropout(x, this.rate, undefined, seed);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate, seed: this.seed };
  }
}
tf.serialization.registerClass(SeededDropout);

/** Sets the next call number of every SeededDropout layer of a model (see setCallNumber). */
export function setDropoutCallNumber(model: tf.LayersModel, n: number): void {
  for (const layer of model.layers) if (layer instanceof SeededDropout) layer.setCallNumber(n);
}
