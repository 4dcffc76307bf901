// The replacement kernels (src/ml/backend/trainingKernels.ts, heapKernels.ts) against the stock cpu kernels:
// same values within 1e-4 on several shapes, strides and paddings, on wasm and (Conv2DBackpropFilter
// loop) on cpu; and no leaked tensors.
import * as assert from 'node:assert/strict';
import * as tf from '../../src/ml/tf';
import { initBackend } from '../../src/ml/backend/initBackend';
import { conv2dBackpropFilterIm2col, registerTrainingKernels, stockKernel } from '../../src/ml/backend/trainingKernels';
import { maxAbsDiff, seededNormal } from './ml-helpers';
import { limit } from '../support/timeLimits';

type Pad = 'same' | 'valid' | [[number, number], [number, number], [number, number], [number, number]];
interface ConvCase {
  x: [number, number, number, number];
  f: [number, number, number, number];
  s: number;
  p: Pad;
}

const CONV_CASES: ConvCase[] = [
  { x: [4, 12, 12, 3], f: [3, 3, 3, 5], s: 1, p: 'same' },
  { x: [4, 12, 12, 3], f: [3, 3, 3, 5], s: 2, p: 'same' },
  { x: [4, 13, 11, 2], f: [3, 3, 2, 4], s: 2, p: 'valid' },
  { x: [4, 13, 11, 2], f: [3, 3, 2, 4], s: 1, p: 'valid' },
  { x: [4, 8, 8, 3], f: [2, 2, 3, 4], s: 2, p: 'valid' },
  { x: [3, 9, 9, 2], f: [2, 2, 2, 3], s: 1, p: 'same' }, // even kernel: asymmetric 'same' padding
  { x: [4, 1, 60, 4], f: [1, 7, 4, 8], s: 1, p: 'same' }, // conv1d as conv2d
  { x: [4, 10, 10, 1], f: [3, 3, 1, 6], s: 1, p: 'same' }, // one input channel
  { x: [2, 10, 10, 2], f: [3, 3, 2, 3], s: 1, p: [[0, 0], [1, 2], [0, 1], [0, 0]] }, // explicit padding
];

function describeCase(c: ConvCase): string {
  return `x ${c.x.join('x')}, filter ${c.f.join('x')}, stride ${c.s}, pad ${JSON.stringify(c.p)}`;
}

/** Runs the stock cpu kernel `name` directly (it may have been replaced in the registry). */
function runStockCpu(name: string, inputs: Record<string, tf.Tensor>, attrs: Record<string, unknown>): Float32Array {
  const kernel = stockKernel(name, 'cpu');
  assert.ok(kernel, `stock cpu ${name}`);
  const info = kernel({ inputs, backend: tf.backend(), attrs: attrs as never }) as tf.TensorInfo;
  const t = tf.engine().makeTensorFromTensorInfo(info);
  const values = t.dataSync() as Float32Array;
  t.dispose();
  return values.slice();
}

function runRegistered(name: string, inputs: Record<string, tf.Tensor>, attrs: Record<string, unknown>): Float32Array {
  const t = tf.engine().runKernel(name, inputs as never, attrs as never) as tf.Tensor;
  const values = (t.dataSync() as Float32Array).slice();
  t.dispose();
  return values;
}

describe('ml: replacement gradient kernels vs the stock cpu kernels', function () {
  this.timeout(limit(60000));
  const data: { c: ConvCase; x: Float32Array; w: Float32Array; dy: Float32Array; dyShape: number[] }[] = [];
  const ref: { dw: Float32Array; dx: Float32Array }[] = [];
  const segX = seededNormal([50, 3, 2], 7);
  const segIds = Int32Array.from({ length: 50 }, (_, i) => (i * 7) % 9);
  let segRef: Float32Array;

  before(async () => {
    await initBackend({ prefer: 'wasm' });
    await tf.setBackend('cpu');
    CONV_CASES.forEach((c, k) => {
      const x = seededNormal(c.x, 100 + k);
      const w = seededNormal(c.f, 200 + k);
      const dyShape = tf.tidy(() => tf.conv2d(tf.tensor4d(x, c.x), tf.tensor4d(w, c.f), c.s, c.p).shape);
      const dy = seededNormal(dyShape, 300 + k);
      data.push({ c, x, w, dy, dyShape });
      const attrs = { strides: [c.s, c.s], pad: c.p, dataFormat: 'NHWC' };
      tf.tidy(() => {
        ref.push({
          dw: runStockCpu('Conv2DBackpropFilter', { x: tf.tensor4d(x, c.x), dy: tf.tensor(dy, dyShape) }, { ...attrs, filterShape: c.f }),
          dx: runStockCpu('Conv2DBackpropInput', { dy: tf.tensor(dy, dyShape), filter: tf.tensor4d(w, c.f) }, { ...attrs, inputShape: c.x }),
        });
      });
    });
    segRef = tf.tidy(() => tf.unsortedSegmentSum(tf.tensor3d(segX, [50, 3, 2]), tf.tensor1d(segIds, 'int32'), 9).dataSync() as Float32Array).slice();
    registerTrainingKernels('cpu');
  });

  after(async () => {
    await initBackend({ prefer: 'wasm' });
    await tf.setBackend('wasm');
  });

  for (const backend of ['wasm', 'cpu'] as const) {
    it(`Conv2DBackpropFilter on ${backend}: max abs error <= 1e-4 on ${CONV_CASES.length} shapes`, async () => {
      await tf.setBackend(backend);
      data.forEach((d, k) => {
        const attrs = { strides: [d.c.s, d.c.s], pad: d.c.p, dataFormat: 'NHWC', filterShape: d.c.f };
        const got = tf.tidy(() => runRegistered('Conv2DBackpropFilter', { x: tf.tensor4d(d.x, d.c.x), dy: tf.tensor(d.dy, d.dyShape) }, attrs));
        assert.ok(maxAbsDiff(got, ref[k]!.dw) <= 1e-4, `${backend} ${describeCase(d.c)}: error ${maxAbsDiff(got, ref[k]!.dw)}`);
      });
    });
  }

  it('Conv2DBackpropFilter im2col variant on wasm: max abs error <= 1e-4', async () => {
    await tf.setBackend('wasm');
    data.forEach((d, k) => {
      const attrs = { strides: [d.c.s, d.c.s], pad: d.c.p, dataFormat: 'NHWC', filterShape: d.c.f };
      const got = tf.tidy(() => {
        const info = conv2dBackpropFilterIm2col({ inputs: { x: tf.tensor4d(d.x, d.c.x), dy: tf.tensor(d.dy, d.dyShape) }, backend: tf.backend(), attrs: attrs as never }) as tf.Tensor;
        return (info.dataSync() as Float32Array).slice();
      });
      assert.ok(maxAbsDiff(got, ref[k]!.dw) <= 1e-4, `${describeCase(d.c)}: error ${maxAbsDiff(got, ref[k]!.dw)}`);
    });
  });

  it('Conv2DBackpropInput on wasm (stride 1 replaced, other strides stock): max abs error <= 1e-4', async () => {
    await tf.setBackend('wasm');
    data.forEach((d, k) => {
      const attrs = { strides: [d.c.s, d.c.s], pad: d.c.p, dataFormat: 'NHWC', inputShape: d.c.x };
      const got = tf.tidy(() => runRegistered('Conv2DBackpropInput', { dy: tf.tensor(d.dy, d.dyShape), filter: tf.tensor4d(d.w, d.c.f) }, attrs));
      assert.ok(maxAbsDiff(got, ref[k]!.dx) <= 1e-4, `${describeCase(d.c)}: error ${maxAbsDiff(got, ref[k]!.dx)}`);
    });
  });

  it('UnsortedSegmentSum on wasm (duplicate and missing segment ids): max abs error <= 1e-4', async () => {
    await tf.setBackend('wasm');
    const got = tf.tidy(() => tf.unsortedSegmentSum(tf.tensor3d(segX, [50, 3, 2]), tf.tensor1d(segIds, 'int32'), 9).dataSync() as Float32Array).slice();
    assert.ok(maxAbsDiff(got, segRef) <= 1e-4);
  });

  it('BatchMatMul with transposed operands on wasm: max abs error <= 1e-4 (2-D, batched, broadcast batch)', async () => {
    const cases: { a: number[]; b: number[]; ta: boolean; tb: boolean }[] = [
      { a: [7, 5], b: [7, 4], ta: true, tb: false },
      { a: [5, 7], b: [4, 7], ta: false, tb: true },
      { a: [7, 5], b: [4, 7], ta: true, tb: true },
      { a: [3, 6, 5], b: [3, 6, 4], ta: true, tb: false },
      { a: [3, 5, 6], b: [1, 4, 6], ta: false, tb: true },
    ];
    for (const [k, c] of cases.entries()) {
      const a = seededNormal(c.a, 400 + k);
      const b = seededNormal(c.b, 500 + k);
      await tf.setBackend('cpu');
      const expected = tf.tidy(() => tf.matMul(tf.tensor(a, c.a), tf.tensor(b, c.b), c.ta, c.tb).dataSync() as Float32Array).slice();
      await tf.setBackend('wasm');
      const got = tf.tidy(() => tf.matMul(tf.tensor(a, c.a), tf.tensor(b, c.b), c.ta, c.tb).dataSync() as Float32Array).slice();
      assert.ok(maxAbsDiff(got, expected) <= 1e-4, `${JSON.stringify(c)}: error ${maxAbsDiff(got, expected)}`);
    }
  });

  it('Tile on wasm (broadcast fast path and general fallback): identical to the cpu backend', async () => {
    const cases: { shape: number[]; reps: number[] }[] = [
      { shape: [1, 1, 1, 5], reps: [4, 6, 3, 1] }, // what the BatchNorm gradient asks for (vector copies)
      { shape: [5], reps: [1] },
      { shape: [3, 1, 2], reps: [1, 4, 1] },
      { shape: [2, 3], reps: [2, 2] }, // not a broadcast: stock kernel
    ];
    for (const [k, c] of cases.entries()) {
      const x = seededNormal(c.shape, 600 + k);
      await tf.setBackend('cpu');
      const expected = tf.tidy(() => tf.tile(tf.tensor(x, c.shape), c.reps).dataSync() as Float32Array).slice();
      await tf.setBackend('wasm');
      const got = tf.tidy(() => tf.tile(tf.tensor(x, c.shape), c.reps).dataSync() as Float32Array).slice();
      assert.equal(maxAbsDiff(got, expected), 0, JSON.stringify(c));
    }
  });

  /** The same op on cpu (stock kernels) and on wasm (ours where they apply); returns both results. */
  async function onBoth(f: () => tf.Tensor): Promise<[Float32Array, Float32Array]> {
    await tf.setBackend('cpu');
    const expected = tf.tidy(() => f().dataSync() as Float32Array).slice();
    await tf.setBackend('wasm');
    const got = tf.tidy(() => f().dataSync() as Float32Array).slice();
    return [got, expected];
  }

  it('Add/Sub/Multiply with a per-channel vector on wasm (both operand orders, [C] and [1,1,1,C]): equal to cpu', async () => {
    const full = seededNormal([16, 40, 30, 4], 800); // >= 2^16 elements: the replacement's range
    const vec = seededNormal([4], 801);
    const ops = { add: tf.add, sub: tf.sub, mul: tf.mul } as const;
    for (const [name, op] of Object.entries(ops)) {
      for (const vShape of [[4], [1, 1, 1, 4]]) {
        for (const vectorFirst of [false, true]) {
          const [got, expected] = await onBoth(() => {
            const a = tf.tensor(full, [16, 40, 30, 4]);
            const b = tf.tensor(vec, vShape);
            return vectorFirst ? op(b, a) : op(a, b);
          });
          assert.ok(maxAbsDiff(got, expected) <= 1e-6, `${name} ${JSON.stringify(vShape)} vectorFirst=${vectorFirst}`);
        }
      }
    }
    // wider channel axes and other broadcasts stay on the stock kernels
    const [got, expected] = await onBoth(() => tf.mul(tf.tensor(seededNormal([3, 5, 16], 802), [3, 5, 16]), tf.tensor(seededNormal([3, 5, 1], 803), [3, 5, 1])));
    assert.ok(maxAbsDiff(got, expected) <= 1e-6);
  });

  it('Sum/Mean over all axes but the last on wasm (keepDims or not): max abs error <= 1e-4', async () => {
    // >= 2^16 elements (the replacement's range), scaled so that float32 sums of 19,200 values stay within 1e-4
    const x = seededNormal([16, 40, 30, 4], 810).map((v) => v * 0.01);
    for (const keepDims of [false, true]) {
      for (const [name, op] of [['sum', tf.sum], ['mean', tf.mean]] as const) {
        const [got, expected] = await onBoth(() => op(tf.tensor(x, [16, 40, 30, 4]), [0, 1, 2], keepDims));
        assert.ok(maxAbsDiff(got, expected) <= 1e-4, `${name} keepDims=${keepDims}: error ${maxAbsDiff(got, expected)}`);
        const [got2, expected2] = await onBoth(() => op(tf.tensor(x, [16 * 40 * 30, 4]), 0, keepDims));
        assert.ok(maxAbsDiff(got2, expected2) <= 1e-4, `${name} 2-D keepDims=${keepDims}`);
      }
    }
    const [got, expected] = await onBoth(() => tf.sum(tf.tensor(x, [16, 40, 30, 4]), [1, 2])); // not per-channel: stock
    assert.ok(maxAbsDiff(got, expected) <= 1e-4);
  });

  it('MaxPoolGrad on wasm (ties, overlapping windows, same padding, 1-D pooling): equal to the stock cpu kernel', async () => {
    const cases: { x: [number, number, number, number]; f: number; s: number; p: 'valid' | 'same' }[] = [
      { x: [3, 10, 10, 4], f: 2, s: 2, p: 'valid' },
      { x: [3, 11, 9, 2], f: 2, s: 2, p: 'valid' }, // odd sizes: last row/column dropped
      { x: [2, 9, 9, 3], f: 3, s: 2, p: 'same' }, // overlapping windows and padding
      { x: [2, 8, 8, 2], f: 3, s: 1, p: 'same' },
      { x: [4, 15, 1, 5], f: 2, s: 2, p: 'valid' }, // MaxPooling1D as 2-D
    ];
    for (const [k, c] of cases.entries()) {
      // rounded values: many ties inside windows (as ReLU zeros give), the first maximum takes dy
      const x = seededNormal(c.x, 820 + k).map((v) => Math.round(v));
      const [got, expected] = await onBoth(() => {
        const xt = tf.tensor4d(x, c.x);
        const filter: [number, number] = c.x[2] === 1 ? [c.f, 1] : [c.f, c.f];
        const strides: [number, number] = c.x[2] === 1 ? [c.s, 1] : [c.s, c.s];
        return tf.grad((v: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(v as tf.Tensor4D, filter, strides, c.p), tf.range(1, 1 + tf.maxPool(xt, filter, strides, c.p).size).reshape(tf.maxPool(xt, filter, strides, c.p).shape))))(xt);
      });
      assert.ok(maxAbsDiff(got, expected) <= 1e-4, `${JSON.stringify(c)}: error ${maxAbsDiff(got, expected)}`);
    }
  });

  it('BatchNorm training gradients (replaced FusedBatchNorm and Mean gradients) equal an elementary-op formulation', async () => {
    const shapes: number[][] = [[4, 6, 5, 3], [8, 4], [5, 7, 6]];
    for (const backend of ['wasm', 'cpu']) {
      await tf.setBackend(backend);
      for (const [k, shape] of shapes.entries()) {
        const c = shape[shape.length - 1]!;
        const axes = [...Array(shape.length - 1).keys()];
        const eps = 1e-3;
        const x = tf.tensor(seededNormal(shape, 900 + k).map((v) => 2 * v + 1), shape);
        const gamma = tf.tensor1d(seededNormal([c], 910 + k));
        const beta = tf.tensor1d(seededNormal([c], 920 + k));
        const r = tf.tensor(seededNormal(shape, 930 + k), shape);
        const viaKernels = (xx: tf.Tensor, gg: tf.Tensor, bb: tf.Tensor) => {
          const { mean, variance } = tf.moments(xx, axes);
          const y = shape.length === 2 ? tf.batchNorm2d(xx as tf.Tensor2D, mean as tf.Tensor1D, variance as tf.Tensor1D, bb as tf.Tensor1D, gg as tf.Tensor1D, eps) : shape.length === 3 ? tf.batchNorm3d(xx as tf.Tensor3D, mean as tf.Tensor1D, variance as tf.Tensor1D, bb as tf.Tensor1D, gg as tf.Tensor1D, eps) : tf.batchNorm4d(xx as tf.Tensor4D, mean as tf.Tensor1D, variance as tf.Tensor1D, bb as tf.Tensor1D, gg as tf.Tensor1D, eps);
          return tf.sum(tf.mul(y, r));
        };
        const elementary = (xx: tf.Tensor, gg: tf.Tensor, bb: tf.Tensor) => {
          const n = shape.slice(0, -1).reduce((a, b) => a * b, 1);
          const m = tf.div(tf.sum(xx, axes), n);
          const v = tf.div(tf.sum(tf.square(tf.sub(xx, m)), axes), n);
          return tf.sum(tf.mul(tf.add(tf.mul(tf.mul(tf.sub(xx, m), tf.rsqrt(tf.add(v, eps))), gg), bb), r));
        };
        const got = tf.grads(viaKernels)([x, gamma, beta]);
        const expected = tf.grads(elementary)([x, gamma, beta]);
        got.forEach((g, i) => {
          const err = maxAbsDiff(g.dataSync(), expected[i]!.dataSync());
          assert.ok(err <= 1e-4, `${backend} ${JSON.stringify(shape)} gradient ${i}: error ${err}`);
        });
        tf.dispose([x, gamma, beta, r, ...got, ...expected]);
      }
    }
  });

  it('Identity on wasm shares the data: clones are equal, independent of disposal, and free their memory', async () => {
    await tf.setBackend('wasm');
    const bytes = tf.memory().numBytes;
    const x = tf.tensor2d(seededNormal([30, 40], 700), [30, 40]);
    const copy = x.clone();
    const values = (x.dataSync() as Float32Array).slice();
    x.dispose();
    assert.equal(maxAbsDiff(copy.dataSync() as Float32Array, values), 0);
    const v = tf.variable(copy);
    const zeros = tf.zeros([30, 40]) as tf.Tensor2D;
    v.assign(zeros);
    assert.equal(maxAbsDiff(copy.dataSync() as Float32Array, values), 0, 'assigning a variable made from it leaves the clone alone');
    tf.dispose([copy, v, zeros]);
    assert.equal(tf.memory().numBytes, bytes);
  });

  it('Cast on wasm: same dtype shares the data, real conversions still convert', async () => {
    await tf.setBackend('wasm');
    const bytes = tf.memory().numBytes;
    tf.tidy(() => {
      const x = tf.tensor1d([1.5, -2.25, 3]);
      assert.deepEqual(Array.from(tf.cast(x, 'float32').dataSync()), [1.5, -2.25, 3]);
      assert.deepEqual(Array.from(tf.cast(x, 'int32').dataSync()), [1, -2, 3]);
      assert.deepEqual(Array.from(tf.cast(tf.tensor1d([1, 0, 2], 'int32'), 'float32').dataSync()), [1, 0, 2]);
    });
    assert.equal(tf.memory().numBytes, bytes);
  });

  it('a Conv2D layer trains on wasm and its gradients match the cpu backend', async () => {
    const x = seededNormal([4, 9, 9, 2], 11);
    const w = seededNormal([3, 3, 2, 4], 12);
    const grads = async (backend: string) => {
      await tf.setBackend(backend);
      return tf.tidy(() => {
        const f = (xx: tf.Tensor, ww: tf.Tensor) => tf.sum(tf.square(tf.conv2d(xx as tf.Tensor4D, ww as tf.Tensor4D, 1, 'same')));
        return tf.grads(f)([tf.tensor4d(x, [4, 9, 9, 2]), tf.tensor4d(w, [3, 3, 2, 4])]).map((g) => (g.dataSync() as Float32Array).slice());
      });
    };
    const onCpu = await grads('cpu');
    const onWasm = await grads('wasm');
    onCpu.forEach((g, i) => assert.ok(maxAbsDiff(g, onWasm[i]!) <= 1e-3 * (1 + Math.max(...g.map(Math.abs))), `gradient ${i}`));
  });

  it('kernels leave no tensors behind', async () => {
    await tf.setBackend('wasm');
    const d = data[0]!;
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      runRegistered('Conv2DBackpropFilter', { x: tf.tensor4d(d.x, d.c.x), dy: tf.tensor(d.dy, d.dyShape) }, { strides: [1, 1], pad: 'same', dataFormat: 'NHWC', filterShape: d.c.f });
      runRegistered('Conv2DBackpropInput', { dy: tf.tensor(d.dy, d.dyShape), filter: tf.tensor4d(d.w, d.c.f) }, { strides: [1, 1], pad: 'same', dataFormat: 'NHWC', inputShape: d.c.x });
      const x = tf.randomNormal([16, 40, 30, 4]) as tf.Tensor4D; // large enough for the heap kernels
      tf.mul(x, tf.ones([4]));
      tf.sum(x, [0, 1, 2]);
      tf.mean(x, [0, 1, 2], true);
      tf.tile(tf.ones([1, 1, 1, 4]), [16, 40, 30, 1]);
      tf.grad((v: tf.Tensor) => tf.sum(tf.maxPool(v as tf.Tensor4D, 2, 2, 'valid')))(x);
    });
    assert.equal(tf.memory().numTensors, before);
  });
});
