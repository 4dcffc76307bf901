// Replacement gradient kernels that make convolutions and embeddings trainable on the TF.js wasm
// backend (and fast on the cpu backend), built only from ops each backend already has.
//
// Why hand-written: @tensorflow/tfjs-backend-wasm 4.22.0 ships NO Conv2DBackpropFilter kernel (so no
// Conv1D/Conv2D layer can be trained: "kernel not registered"), NO UnsortedSegmentSum (so no Embedding
// can be trained), and its Conv2DBackpropInput is a naive single-threaded C++ loop. No library,
// official or third party, provides these kernels for tfjs-backend-wasm, and tfjs-node (which has them)
// cannot be installed where libtensorflow cannot be downloaded. Gradients of every matMul (Dense layers,
// attention) are transposed matMuls, which wasm's BatchMatMul runs in a naive loop (~12x slower than an
// explicit transpose followed by the XNNPACK path), and the BatchNorm gradient tiles its per-channel
// factor to the full activation size with wasm's slow generic Tile. The cpu backend has all kernels, but its
// Conv2DBackpropFilter indexes element by element through a TensorBuffer (~40 s for one 3x3x16x32 layer
// on a batch of 64), so it gets a typed-array loop. Study and numbers: docs of the ml layer (README).
//
//   Conv2DBackpropFilter (wasm) -> one conv2d with the batch as channels: x^T [Cin, Hp, Wp, N] (*)
//                                  dy^T [OH, OW, N, Cout], dilation = stride -> [Cin, KH, KW, Cout]
//                                  (XNNPACK; transposes as 2-D/3-D ones, padding after the transpose:
//                                  2.3x faster on the seed CNN's [64, 107, 107, 1] input). The im2col form
//                                  (a slice per tap + one matMul) is kept as the reference variant.
//   Conv2DBackpropFilter (cpu)  -> the same reduction as a tight loop over Float32Arrays.
//   Conv2DBackpropInput  (wasm) -> at stride 1: conv2d of dy with the flipped, in/out-swapped filter
//                                  (runs in XNNPACK); other strides / formats: the stock kernel.
//   UnsortedSegmentSum   (wasm) -> scatterND (adds duplicate indices) = segment sum over axis 0.
//   BatchMatMul          (wasm) -> with transposeA/transposeB: explicit transpose + untransposed matMul.
//   Tile                 (wasm) -> when it only repeats size-1 axes (what the BatchNorm gradient asks
//                                  for): a broadcasting add of zeros; ~10x faster than wasm's Tile.
//   Identity             (wasm) -> shares the data (reference count) instead of copying it. The engine
//                                  clones every tensor it saves for the backward pass, so the stock
//                                  copying kernel moved ~160 activation-sized buffers per training step.
//                                  Tensors are immutable, which is why the cpu backend shares too.
//   Cast                 (wasm) -> to the same dtype: shared like Identity (gradients of Multiply and
//                                  ReLU cast their float32 inputs to float32, a copy each on wasm).
//   Add/Sub/Multiply, Sum/Mean, Tile (vector), MaxPoolGrad (wasm) -> hand-written for the slow
//                                  broadcast/reduction shapes (./heapKernels.ts).
// Engine (wasm): tensors saved for the backward pass share their data without an Identity kernel call
// (./sharedSavedTensors.ts).
// Gradients (all backends): FusedBatchNorm and Mean with fewer full-size ops (./trainingGradients.ts).
// All are exact reformulations; test/unit/ml-kernels.test.ts checks them against the stock cpu kernels.
import * as tf from '../tf';
import { broadcastBinary, maxPoolGradFirstMax, perChannelReduce, tileVector } from './heapKernels';
import { shareSavedTensors } from './sharedSavedTensors';
import { registerTrainingGradients } from './trainingGradients';

type KernelFunc = tf.KernelConfig['kernelFunc'];
type KernelArgs = Parameters<KernelFunc>[0];
type PadAttr = 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;

/** Names of the kernels this module replaces (for BackendInfo and the model card). */
export const REPLACED_KERNELS = [
  'Conv2DBackpropFilter',
  'Conv2DBackpropInput',
  'UnsortedSegmentSum',
  'BatchMatMul',
  'Tile',
  'Identity',
  'Cast',
  'Add',
  'Sub',
  'Multiply',
  'Sum',
  'Mean',
  'MaxPoolGrad',
] as const;

/** The kernel functions that were registered before ours, per `${backend}/${kernel}`. */
const stockKernels = new Map<string, KernelFunc>();
const registeredFor = new Set<string>();

function asTensor<R extends tf.Rank>(info: tf.TensorInfo | undefined): tf.Tensor<R> {
  if (!info) throw new Error('training kernel: missing input');
  return (info instanceof tf.Tensor ? info : tf.engine().makeTensorFromTensorInfo(info)) as tf.Tensor<R>;
}

function isChannelsLast(format: unknown): boolean {
  return format === undefined || format === 'NHWC' || format === 'channelsLast';
}

function convInfo(xShape: number[], filterShape: number[], strides: unknown, pad: PadAttr, rounding: unknown) {
  return tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    strides as [number, number],
    1,
    pad,
    rounding as 'floor' | 'round' | 'ceil' | undefined,
    false,
    'channelsLast',
  );
}

/** The inputs, filter size, strides, output size and padding of a Conv2DBackpropFilter call (NHWC only). */
function filterBackpropArgs({ inputs, attrs }: KernelArgs) {
  const a = attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  if (!isChannelsLast(a.dataFormat)) throw new Error('Conv2DBackpropFilter replacement: NHWC only');
  const x = asTensor<tf.Rank.R4>(inputs['x']);
  const dy = asTensor<tf.Rank.R4>(inputs['dy']);
  const [kh, kw, cin, cout] = a.filterShape;
  const info = convInfo(x.shape, a.filterShape, a.strides, a.pad, a.dimRoundingMode);
  const [n, h, w] = x.shape;
  return { x, dy, kh, kw, cin, cout, sh: info.strideHeight, sw: info.strideWidth, oh: info.outHeight, ow: info.outWidth, top: info.padInfo.top, left: info.padInfo.left, n, h, w };
}

/** dW = im2col(x)^T . dy as one matMul; everything stays on the backend (wasm: XNNPACK). */
export const conv2dBackpropFilterIm2col: KernelFunc = ({ inputs, attrs }: KernelArgs) => {
  const { x, dy, kh, kw, cin, cout, sh, sw, oh, ow, top, left, n, h, w } = filterBackpropArgs({ inputs, attrs } as KernelArgs);
  return tf.tidy(() => {
    // channels first, [cin, n, H, W]: every tap is then a slice of contiguous rows
    const xc = cin === 1 ? tf.reshape(x, [1, n, h, w]) : tf.transpose(x, [3, 0, 1, 2]);
    const needH = (oh - 1) * sh + kh;
    const needW = (ow - 1) * sw + kw;
    const xp = tf.pad(xc, [
      [0, 0],
      [0, 0],
      [top, Math.max(0, needH - top - h)],
      [left, Math.max(0, needW - left - w)],
    ]);
    const taps: tf.Tensor[] = [];
    for (let i = 0; i < kh; i++) {
      for (let j = 0; j < kw; j++) {
        taps.push(
          sh === 1 && sw === 1
            ? tf.slice(xp, [0, 0, i, j], [cin, n, oh, ow])
            : tf.stridedSlice(xp, [0, 0, i, j], [cin, n, i + (oh - 1) * sh + 1, j + (ow - 1) * sw + 1], [1, 1, sh, sw]),
        );
      }
    }
    const m = n * oh * ow;
    const columns = tf.reshape(taps.length === 1 ? taps[0]! : tf.concat(taps, 0), [kh * kw * cin, m]);
    const dw = tf.matMul(columns, tf.reshape(dy, [m, cout]));
    return tf.reshape(dw, [kh, kw, cin, cout]);
  });
};

/**
 * dW[kh, kw, ci, co] = sum_{n, oy, ox} xpad[n, oy sh + kh, ox sw + kw, ci] dy[n, oy, ox, co]: a valid
 * conv2d of x^T [Cin, Hp, Wp, N] with dy^T [OH, OW, N, Cout] as the filter, dilated by the strides.
 * The transposes are written as 2-D/3-D ones and the padding is applied after the transpose (batch
 * innermost): on wasm a 4-D transpose or a pad with a 1-wide innermost axis is 10-40x slower (45 ms to
 * pad [64, 107, 107, 1] vs 1.6 ms for the same data as [1, 107, 107, 64]).
 */
export const conv2dBackpropFilterAsConv: KernelFunc = ({ inputs, attrs }: KernelArgs) => {
  const { x, dy, kh, kw, cin, cout, sh, sw, oh, ow, top, left, n, h, w } = filterBackpropArgs({ inputs, attrs } as KernelArgs);
  return tf.tidy(() => {
    const needH = (oh - 1) * sh + kh;
    const needW = (ow - 1) * sw + kw;
    const x2 = tf.transpose(tf.reshape(x, [n, h * w * cin])); // [H W Cin, N]
    const xc = cin === 1 ? x2 : tf.transpose(tf.reshape(x2, [h * w, cin, n]), [1, 0, 2]); // [Cin, H W, N]
    // pad to the rows/columns the taps read; crop rows a large stride never reaches
    let xT = tf.pad(tf.reshape(xc, [cin, h, w, n]), [[0, 0], [top, Math.max(0, needH - top - h)], [left, Math.max(0, needW - left - w)], [0, 0]]) as tf.Tensor4D;
    if (xT.shape[1] > needH || xT.shape[2] > needW) xT = tf.slice(xT, [0, 0, 0, 0], [-1, needH, needW, -1]);
    const dyT = tf.reshape(tf.transpose(tf.reshape(dy, [n, oh * ow, cout]), [1, 0, 2]), [oh, ow, n, cout]) as tf.Tensor4D;
    const dw = tf.conv2d(xT, dyT, 1, 'valid', 'NHWC', [sh, sw]); // [Cin, KH, KW, Cout]
    return tf.reshape(tf.transpose(dw, [1, 2, 0, 3]), [kh, kw, cin, cout]);
  });
};

/** dW by direct accumulation over typed arrays (cpu backend only: reads the backend's buffers). */
export const conv2dBackpropFilterLoop: KernelFunc = ({ inputs, backend, attrs }: KernelArgs) => {
  const a = attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  if (!isChannelsLast(a.dataFormat)) throw new Error('Conv2DBackpropFilter replacement: NHWC only');
  const x = inputs['x']!;
  const dy = inputs['dy']!;
  const info = convInfo(x.shape, a.filterShape, a.strides, a.pad, a.dimRoundingMode);
  const { strideHeight: sh, strideWidth: sw, outHeight: OH, outWidth: OW, batchSize: N, inHeight: H, inWidth: W } = info;
  const { top, left } = info.padInfo;
  const [KH, KW, CI, CO] = a.filterShape;
  const cpu = backend as { data: { get(id: unknown): { values: Float32Array } }; makeTensorInfo(s: number[], d: string, v: Float32Array): tf.TensorInfo };
  const xv = cpu.data.get(x.dataId).values;
  const dyv = cpu.data.get(dy.dataId).values;
  const dw = new Float32Array(KH * KW * CI * CO);
  for (let n = 0; n < N; n++) {
    for (let oy = 0; oy < OH; oy++) {
      for (let ox = 0; ox < OW; ox++) {
        const dyOff = ((n * OH + oy) * OW + ox) * CO;
        for (let kh = 0; kh < KH; kh++) {
          const iy = oy * sh + kh - top;
          if (iy < 0 || iy >= H) continue;
          for (let kw = 0; kw < KW; kw++) {
            const ix = ox * sw + kw - left;
            if (ix < 0 || ix >= W) continue;
            const xOff = ((n * H + iy) * W + ix) * CI;
            const wOff = (kh * KW + kw) * CI * CO;
            for (let ci = 0; ci < CI; ci++) {
              const v = xv[xOff + ci]!;
              if (v === 0) continue; // one-hot inputs and ReLU outputs are mostly zeros
              const row = wOff + ci * CO;
              for (let co = 0; co < CO; co++) dw[row + co]! += v * dyv[dyOff + co]!;
            }
          }
        }
      }
    }
  }
  return cpu.makeTensorInfo(a.filterShape, 'float32', dw);
};

/** dX at stride 1 = conv2d(dy, flipped filter with in/out swapped); anything else -> `stock`. */
export function conv2dBackpropInputAsConv(stock: KernelFunc): KernelFunc {
  return (args: KernelArgs) => {
    const a = args.attrs as unknown as tf.Conv2DBackpropInputAttrs;
    const strides = Array.isArray(a.strides) ? a.strides : [a.strides, a.strides];
    if (!isChannelsLast(a.dataFormat) || strides[0] !== 1 || strides[1] !== 1) return stock(args);
    const filter = args.inputs['filter']!;
    const info = convInfo(a.inputShape, filter.shape, 1, a.pad, a.dimRoundingMode);
    const [KH, KW] = filter.shape as [number, number];
    const { top, left } = info.padInfo;
    const [, H, W] = a.inputShape;
    const pt = KH - 1 - top;
    const pl = KW - 1 - left;
    const pb = H - info.outHeight - pt + KH - 1;
    const pr = W - info.outWidth - pl + KW - 1;
    if (pt < 0 || pl < 0 || pb < 0 || pr < 0) return stock(args);
    return tf.tidy(() => {
      const dy = asTensor<tf.Rank.R4>(args.inputs['dy']);
      const w = asTensor<tf.Rank.R4>(filter);
      const flipped = tf.transpose(tf.reverse(w, [0, 1]), [0, 1, 3, 2]);
      return tf.conv2d(dy, flipped, 1, [
        [0, 0],
        [pt, pb],
        [pl, pr],
        [0, 0],
      ]);
    });
  };
}

/** Segment sum over axis 0 via scatterND (which adds values of duplicate indices). */
export const unsortedSegmentSumByScatter: KernelFunc = ({ inputs, attrs }: KernelArgs) => {
  const { numSegments } = attrs as unknown as tf.UnsortedSegmentSumAttrs;
  return tf.tidy(() => {
    const x = asTensor(inputs['x']);
    const ids = asTensor(inputs['segmentIds']);
    const indices = tf.reshape(tf.cast(ids, 'int32'), [-1, 1]);
    return tf.scatterND(indices, x, [numSegments, ...x.shape.slice(1)]);
  });
};

/** a^T / b^T made explicit, then the untransposed (XNNPACK) path of the stock kernel. */
export function batchMatMulUntransposed(stock: KernelFunc): KernelFunc {
  return (args: KernelArgs) => {
    const { transposeA, transposeB } = args.attrs as unknown as tf.BatchMatMulAttrs;
    if (!transposeA && !transposeB) return stock(args);
    return tf.tidy(() => {
      const swapLast = (t: tf.Tensor): tf.Tensor => tf.transpose(t, [...t.shape.keys()].map((k, _, all) => (k < all.length - 2 ? k : k === all.length - 2 ? all.length - 1 : all.length - 2)));
      const a = asTensor(args.inputs['a']);
      const b = asTensor(args.inputs['b']);
      return tf.matMul(transposeA ? swapLast(a) : a, transposeB ? swapLast(b) : b);
    });
  };
}

/** Tile of float32 tensors that only repeats size-1 axes, as a broadcast; anything else -> `stock`. */
export function tileByBroadcast(stock: KernelFunc): KernelFunc {
  return (args: KernelArgs) => {
    const x = args.inputs['x']!;
    const { reps } = args.attrs as unknown as tf.TileAttrs;
    const broadcastOnly = x.dtype === 'float32' && reps.every((r, i) => r === 1 || x.shape[i] === 1);
    if (!broadcastOnly) return stock(args);
    return tf.tidy(() => tf.add(asTensor(x), tf.zeros(x.shape.map((n, i) => n * reps[i]!))));
  };
}

/** Identity without a copy: the output shares the input's data (strings: stock kernel). */
export function identityShared(stock: KernelFunc): KernelFunc {
  return (args: KernelArgs) => {
    const x = args.inputs['x']!;
    if (x.dtype === 'string') return stock(args);
    (args.backend as { incRef(id: unknown): void }).incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  };
}

/** Cast to the dtype the tensor already has, without a copy; real conversions -> `stock`. */
export function castSameDtypeShared(stock: KernelFunc): KernelFunc {
  return (args: KernelArgs) => {
    const x = args.inputs['x']!;
    const { dtype } = args.attrs as unknown as tf.CastAttrs;
    if (x.dtype !== dtype || x.dtype === 'string') return stock(args);
    (args.backend as { incRef(id: unknown): void }).incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  };
}

function override(kernelName: string, backendName: string, make: (stock: KernelFunc) => KernelFunc): void {
  const previous = tf.getKernel(kernelName, backendName);
  const stock: KernelFunc =
    previous?.kernelFunc ??
    (() => {
      throw new Error(`${kernelName} is not available on the ${backendName} backend`);
    });
  if (previous) {
    stockKernels.set(`${backendName}/${kernelName}`, previous.kernelFunc);
    tf.unregisterKernel(kernelName, backendName);
  }
  // keep the stock kernel's setup/dispose hooks: wasm kernels bind their C function in setupFunc
  tf.registerKernel({
    kernelName,
    backendName,
    kernelFunc: make(stock),
    ...(previous?.setupFunc ? { setupFunc: previous.setupFunc } : {}),
    ...(previous?.disposeFunc ? { disposeFunc: previous.disposeFunc } : {}),
  });
}

/**
 * Registers the replacement kernels for `backendName` ('wasm' or 'cpu'); idempotent. Must run before
 * training on that backend. Returns the names of the kernels that are now ours.
 */
export function registerTrainingKernels(backendName: 'wasm' | 'cpu'): string[] {
  registerTrainingGradients();
  if (registeredFor.has(backendName)) return replacedOn(backendName);
  registeredFor.add(backendName);
  if (backendName === 'cpu') {
    override('Conv2DBackpropFilter', 'cpu', () => conv2dBackpropFilterLoop);
  } else {
    override('Conv2DBackpropFilter', 'wasm', () => conv2dBackpropFilterAsConv);
    override('Conv2DBackpropInput', 'wasm', conv2dBackpropInputAsConv);
    if (!tf.getKernel('UnsortedSegmentSum', 'wasm')) override('UnsortedSegmentSum', 'wasm', () => unsortedSegmentSumByScatter);
    override('BatchMatMul', 'wasm', batchMatMulUntransposed);
    override('Tile', 'wasm', (stock) => tileVector(tileByBroadcast(stock)));
    override('Add', 'wasm', (stock) => broadcastBinary(stock));
    override('Sub', 'wasm', (stock) => broadcastBinary(stock));
    override('Multiply', 'wasm', (stock) => broadcastBinary(stock));
    override('Sum', 'wasm', (stock) => perChannelReduce(false, stock));
    override('Mean', 'wasm', (stock) => perChannelReduce(true, stock));
    override('MaxPoolGrad', 'wasm', maxPoolGradFirstMax);
    override('Identity', 'wasm', identityShared);
    override('Cast', 'wasm', castSameDtypeShared);
    shareSavedTensors();
  }
  return replacedOn(backendName);
}

function replacedOn(backendName: string): string[] {
  return backendName === 'cpu' ? ['Conv2DBackpropFilter'] : [...REPLACED_KERNELS];
}

/**
 * The kernel function registered for `kernelName` on `backendName` before ours (or the current one when
 * we did not replace it). Used by the tests to compare our kernels with the stock ones.
 */
export function stockKernel(kernelName: string, backendName: string): KernelFunc | undefined {
  return stockKernels.get(`${backendName}/${kernelName}`) ?? tf.getKernel(kernelName, backendName)?.kernelFunc;
}
