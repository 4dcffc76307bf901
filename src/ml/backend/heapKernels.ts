// Hand-written wasm-backend kernels for the shapes where tfjs-backend-wasm 4.22.0 is slow, working on
// the wasm heap directly (./wasmHeap.ts) or re-expressed as its fast kernels. Measured in a seed-cnn
// training step (BatchNorm and MaxPool over [64, 107, 107, 4] activations, one thread): binary ops that
// broadcast a per-channel vector run a generic index loop (11 ms, vs 1.3 ms same-shape), Sum over every
// axis but the last runs an N-D transpose first (7-18 ms, vs ~4 ms with a 2-D one), MaxPoolGrad scans
// each window per covering output. Plain JS loops over heap views were measured too: slower than the
// wasm SIMD kernels for elementwise work (22 ms for the broadcast multiply), so they are used only for
// copies and MaxPoolGrad. Each kernel handles its fast case (tensors of >= 2^16 elements) and hands
// everything else to the stock kernel; results equal the stock cpu kernels within 1e-4
// (test/unit/ml-kernels.test.ts).
//
//   Add/Sub/Multiply  full [..., C] with a per-channel vector ([C] or [1, ..., 1, C]), C <= 8: the vector
//                     expanded by memcpy, then the same-shape kernel.
//   Sum/Mean          over every axis but the last, C <= 8: 2-D transpose [M, C] -> [C, M], then the
//                     innermost reduction.
//   Tile              a [1, ..., 1, C] vector repeated over the leading axes: memcpys.
//   MaxPoolGrad       first maximum of each window (as the cpu kernel: strict >) gets dy: one JS pass
//                     (unrolled for 2x2 windows at stride 2, the seed CNN's pools).
import * as tf from '../tf';
import { asWasm, f32, sizeOf } from './wasmHeap';

type KernelFunc = tf.KernelConfig['kernelFunc'];
type KernelArgs = Parameters<KernelFunc>[0];

function isVectorOf(shape: readonly number[], c: number): boolean {
  return shape.length >= 1 && shape[shape.length - 1] === c && sizeOf(shape) === c;
}

/**
 * Widest channel axis the replacements take: the stock kernels' per-element cost grows as the channel
 * axis (the innermost contiguous run) shrinks; at 32 channels (the default model) they were as fast.
 */
export const MAX_CHANNELS = 8;

/** Smallest tensor (elements) the replacements take: below it the stock kernels were as fast or faster. */
export const MIN_ELEMENTS = 1 << 16;

/** Writes `v` (length c) repeated into y[0..n): one copy of c values, then doubling memcpys. */
function repeatInto(y: Float32Array, v: Float32Array, n: number): void {
  const c = v.length;
  y.set(v, 0);
  for (let filled = c; filled < n; filled *= 2) y.copyWithin(filled, 0, Math.min(filled, n - filled));
}

/**
 * Add/Sub/Multiply with a per-channel vector operand (<= MAX_CHANNELS): that operand is first expanded
 * to the full shape with memcpys, then the stock same-shape (SIMD) kernel runs; other shapes -> `stock`.
 */
export function broadcastBinary(stock: KernelFunc): KernelFunc {
  return (args: KernelArgs) => {
    const a = args.inputs['a']!;
    const b = args.inputs['b']!;
    if (a.dtype !== 'float32' || b.dtype !== 'float32') return stock(args);
    const out = tf.backend_util.assertAndGetBroadcastShape(a.shape, b.shape);
    const n = sizeOf(out);
    const c = out[out.length - 1] ?? 1;
    if (c < 2 || c > MAX_CHANNELS || n < MIN_ELEMENTS) return stock(args);
    const aFull = sizeOf(a.shape) === n;
    const bFull = sizeOf(b.shape) === n;
    if (aFull === bFull) return stock(args);
    const small = aFull ? b : a;
    if (!isVectorOf(small.shape, c)) return stock(args);
    const backend = asWasm(args.backend);
    const expanded = backend.makeOutput(out, 'float32');
    const y = f32(backend, expanded);
    repeatInto(y, f32(backend, small), n);
    const full = aFull ? a : b;
    const sameShape = { dataId: full.dataId, shape: out, dtype: full.dtype } as tf.TensorInfo;
    try {
      return stock({ ...args, inputs: aFull ? { a: sameShape, b: expanded } : { a: expanded, b: sameShape } });
    } finally {
      backend.disposeData(expanded.dataId);
    }
  };
}

/**
 * Sum or Mean over every axis but the last (per-channel): a 2-D transpose to [C, M], then the stock
 * innermost-axis reduction (the stock kernel's N-D transpose is ~2x slower; a matMul with ones is slower
 * still because XNNPACK repacks the big operand each call); other axes -> `stock`.
 */
export function perChannelReduce(mean: boolean, stock: KernelFunc): KernelFunc {
  return (args: KernelArgs) => {
    const x = args.inputs['x']!;
    const { axis, keepDims } = args.attrs as unknown as { axis: number | number[]; keepDims: boolean };
    const rank = x.shape.length;
    if (x.dtype !== 'float32' || rank < 2) return stock(args);
    const axes = [...new Set(tf.util.parseAxisParam(axis, x.shape))].sort((p, q) => p - q);
    if (axes.length !== rank - 1 || axes.some((v, i) => v !== i)) return stock(args);
    const c = x.shape[rank - 1]!;
    const m = sizeOf(x.shape) / c;
    if (c === 0 || c > MAX_CHANNELS || m * c < MIN_ELEMENTS) return stock(args);
    return tf.tidy(() => {
      // kernel inputs are engine tensors; a new Tensor on the same data would free it when disposed
      const xt = x instanceof tf.Tensor ? x : tf.engine().makeTensorFromTensorInfo(x);
      const rows = tf.transpose(tf.reshape(xt, [m, c])); // [C, M]: the stock kernel's innermost-axis path
      const value = mean ? tf.mean(rows, 1) : tf.sum(rows, 1);
      return tf.reshape(value, keepDims ? [...new Array<number>(rank - 1).fill(1), c] : [c]);
    });
  };
}

/** Tile of a [1, ..., 1, C] float32 vector over the leading axes: memcpys; anything else -> `next`. */
export function tileVector(next: KernelFunc): KernelFunc {
  return (args: KernelArgs) => {
    const x = args.inputs['x']!;
    const { reps } = args.attrs as unknown as tf.TileAttrs;
    const rank = x.shape.length;
    const c = x.shape[rank - 1]!;
    const vector = x.dtype === 'float32' && rank >= 1 && c > 0 && sizeOf(x.shape) === c && reps[rank - 1] === 1;
    if (!vector) return next(args);
    const shape = x.shape.map((d, i) => d * reps[i]!);
    const backend = asWasm(args.backend);
    const result = backend.makeOutput(shape, 'float32');
    repeatInto(f32(backend, result), f32(backend, x), sizeOf(shape));
    return result;
  };
}

/** MaxPoolGrad (NHWC, dilation 1): dy goes to the first maximum of each window; else -> `stock`. */
export function maxPoolGradFirstMax(stock: KernelFunc): KernelFunc {
  return (args: KernelArgs) => {
    const dy = args.inputs['dy']!;
    const input = args.inputs['input']!;
    const { filterSize, strides, pad, dimRoundingMode } = args.attrs as unknown as tf.MaxPoolGradAttrs;
    if (input.dtype !== 'float32' || dy.dtype !== 'float32') return stock(args);
    const info = tf.backend_util.computePool2DInfo(input.shape as [number, number, number, number], filterSize, strides, 1, pad, dimRoundingMode);
    const { batchSize: N, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, strideHeight: sh, strideWidth: sw } = info;
    const { effectiveFilterHeight: fh, effectiveFilterWidth: fw } = info;
    const { top, left } = info.padInfo;
    const backend = asWasm(args.backend);
    const result = backend.makeOutput(input.shape, 'float32');
    const dx = f32(backend, result);
    const x = f32(backend, input);
    const g = f32(backend, dy);
    dx.fill(0);
    if (fh === 2 && fw === 2 && sh === 2 && sw === 2 && top === 0 && left === 0 && 2 * OH <= H && 2 * OW <= W) {
      maxPool2x2Grad(x, g, dx, N, H, W, C, OH, OW);
      return result;
    }
    for (let b = 0; b < N; b++) {
      for (let oy = 0; oy < OH; oy++) {
        const y0 = Math.max(0, oy * sh - top);
        const y1 = Math.min(H, oy * sh - top + fh);
        for (let ox = 0; ox < OW; ox++) {
          const x0 = Math.max(0, ox * sw - left);
          const x1 = Math.min(W, ox * sw - left + fw);
          const gOff = ((b * OH + oy) * OW + ox) * C;
          for (let d = 0; d < C; d++) {
            let best = Number.NEGATIVE_INFINITY;
            let at = -1;
            for (let iy = y0; iy < y1; iy++) {
              for (let ix = x0; ix < x1; ix++) {
                const p = ((b * H + iy) * W + ix) * C + d;
                const v = x[p]!;
                if (v > best) {
                  best = v;
                  at = p;
                }
              }
            }
            if (at >= 0) dx[at]! += g[gOff + d]!;
          }
        }
      }
    }
    return result;
  };
}

/** MaxPoolGrad for 2x2 windows at stride 2 without padding (the seed CNN's pools): one unrolled pass. */
function maxPool2x2Grad(x: Float32Array, g: Float32Array, dx: Float32Array, N: number, H: number, W: number, C: number, OH: number, OW: number): void {
  const row = W * C;
  for (let b = 0; b < N; b++) {
    for (let oy = 0; oy < OH; oy++) {
      let p00 = (b * H + 2 * oy) * row;
      let q = ((b * OH + oy) * OW) * C;
      for (let ox = 0; ox < OW; ox++, p00 += 2 * C) {
        for (let d = 0; d < C; d++, q++) {
          // window order (0,0), (0,1), (1,0), (1,1); strict > keeps the first maximum, as the cpu kernel
          const p = p00 + d;
          let best = Number.NEGATIVE_INFINITY;
          let at = -1;
          if (x[p]! > best) (best = x[p]!), (at = p);
          if (x[p + C]! > best) (best = x[p + C]!), (at = p + C);
          if (x[p + row]! > best) (best = x[p + row]!), (at = p + row);
          if (x[p + row + C]! > best) at = p + row + C;
          if (at >= 0) dx[at]! += g[q]!;
        }
      }
    }
  }
}
