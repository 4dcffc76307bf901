// Replacement gradient functions (tf.registerGradient) for BatchNorm training: the same derivatives as
// tfjs-core 4.22.0's, written with fewer full-size tensor ops. Hand-written; registered once, for every
// backend, by registerTrainingKernels.
//
// Why: a BatchNormalization layer in training mode is moments(x) -> batchNorm(x, mean, variance). The
// stock FusedBatchNorm gradient builds ~12 activation-sized tensors (x - mean, dy * scale, a tiled
// rsqrt(var), products for each of dMean/dVariance/dScale) and 4 per-channel sums; the Mean gradient
// multiplies dy by a tensor of ones. In the seed-cnn step over [64, 107, 107, 4] activations these were
// the largest item after the convolutions. Per channel c, with r = rsqrt(var + eps), g = scale,
// xm = x - mean, S1 = sum(dy), S2 = sum(dy * xm) over every axis but the last:
//   dx = dy * (r g)        dMean = -r g S1        dVariance = -1/2 r^3 g S2
//   dScale = r S2          dOffset = S1
// i.e. 3 full-size ops and 2 sums. Equal to the stock gradient in exact arithmetic; in float32 the sums
// are taken before the per-channel factors (differences ~1e-7 relative, deterministic).
// Mean: dx = tile(dy / n) when only trailing axes survive the reduction (copies instead of dy * ones / n,
// the same values). Other shapes fall back to the stock gradient.
import * as tf from '../tf';

type GradConfig = NonNullable<ReturnType<typeof tf.getGradient>>;
type GradFunc = GradConfig['gradFunc'];

let registered = false;

function batchNormGrad(stock: GradFunc): GradFunc {
  return (dy, saved, attrs) => {
    const [x, mean, variance, scale] = saved as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor | undefined];
    const dyT = dy as tf.Tensor;
    const c = x.shape[x.rank - 1]!;
    if (mean.rank !== 1 || variance.rank !== 1 || mean.shape[0] !== c || (scale && (scale.rank !== 1 || scale.shape[0] !== c)) || x.rank < 2) {
      return stock(dy, saved, attrs);
    }
    const { varianceEpsilon } = attrs as unknown as { varianceEpsilon: number };
    const axes = [...Array(x.rank - 1).keys()];
    const r = tf.rsqrt(tf.add(variance, tf.scalar(varianceEpsilon)));
    const rg = scale ? tf.mul(r, scale) : r;
    const s1 = tf.sum(dyT, axes);
    const s2 = tf.sum(tf.mul(dyT, tf.sub(x, mean)), axes);
    return {
      x: () => tf.reshape(tf.mul(dyT, rg), x.shape),
      mean: () => tf.mul(tf.neg(rg), s1),
      variance: () => tf.mul(tf.mul(tf.mul(tf.mul(tf.mul(r, r), r), tf.scalar(-0.5)), scale ?? tf.scalar(1)), s2),
      scale: () => tf.mul(r, s2),
      offset: () => tf.clone(s1),
    };
  };
}

function meanGrad(stock: GradFunc): GradFunc {
  return (dy, saved, attrs) => {
    const [x] = saved as [tf.Tensor];
    const axes = tf.util.parseAxisParam((attrs as unknown as { axis: number | number[] }).axis, x.shape);
    const kept = x.shape.map((_, i) => !axes.includes(i));
    const leadingReduced = kept.every((k, i) => k === kept.slice(i).every(Boolean)); // reduced axes all lead
    if (x.dtype !== 'float32' || !leadingReduced) return stock(dy, saved, attrs);
    const expanded = x.shape.map((d, i) => (kept[i] ? d : 1));
    const n = axes.reduce((p, a) => p * x.shape[a]!, 1);
    return { x: () => tf.tile(tf.div(tf.reshape(dy as tf.Tensor, expanded), n), x.shape.map((d, i) => (kept[i] ? 1 : d))) };
  };
}

function override(kernelName: string, make: (stock: GradFunc) => GradFunc): void {
  const stock = tf.getGradient(kernelName);
  if (!stock) return;
  tf.registerGradient({ ...stock, gradFunc: make(stock.gradFunc) });
}

/** Registers the replacement gradients (idempotent; global to every backend). */
export function registerTrainingGradients(): void {
  if (registered) return;
  registered = true;
  override('FusedBatchNorm', batchNormGrad);
  override('Mean', meanGrad);
}
