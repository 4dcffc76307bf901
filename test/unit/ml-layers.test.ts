// Custom layers: the trainable dilated Conv1D against a reference computation (tf.layers.conv1d with
// dilationRate forward; an ordinary conv with a zero-expanded kernel for gradients), the pair message
// passing layer (dense batched matMul, sparse partner lists and an explicit loop agree, gradients too),
// masked pooling, and seeded dropout.
import * as assert from 'node:assert/strict';
import * as tf from '../../src/ml/tf';
import { initBackend } from '../../src/ml/backend/initBackend';
import { DilatedConv1D, dilatedConv1d } from '../../src/ml/layers/dilatedConv1d';
import { ApplyMask, MaskedAttentionPooling, MaskedMeanPooling } from '../../src/ml/layers/maskedPooling';
import { denseRelu } from '../../src/ml/layers/denseRelu';
import { FlatPartnerIndex, PairMessagePassing, flatPartnerIndex, sparsePairProduct, symmetricPairProduct } from '../../src/ml/layers/pairMessagePassing';
import { PositionDense } from '../../src/ml/layers/positionDense';
import { SeededDropout } from '../../src/ml/layers/seededDropout';
import { WeightedPositionMean } from '../../src/ml/layers/weightedPositionMean';
import { maxAbsDiff, seededNormal } from './ml-helpers';
import { limit } from '../support/timeLimits';

const values = (t: tf.Tensor): Float32Array => (t.dataSync() as Float32Array).slice();

/** A kernel [K, C, F] with (d - 1) zero taps between its taps: the equivalent undilated kernel. */
function expandKernel(kernel: tf.Tensor3D, d: number): tf.Tensor3D {
  return tf.tidy(() => {
    const taps = tf.unstack(kernel);
    const zero = tf.zerosLike(taps[0]!);
    const out: tf.Tensor[] = [];
    taps.forEach((t, i) => {
      out.push(t);
      if (i < taps.length - 1) for (let j = 0; j < d - 1; j++) out.push(zero);
    });
    return tf.stack(out) as tf.Tensor3D;
  });
}

/** A random nested structure as a partner table (0-based, -1 unpaired). */
function randomPartners(length: number, seed: number): Int32Array {
  const partner = new Int32Array(length).fill(-1);
  let s = seed;
  const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
  const stack: number[] = [];
  for (let i = 0; i < length; i++) {
    const r = rnd();
    if (r < 0.3) stack.push(i);
    else if (r < 0.6 && stack.length && i - stack[stack.length - 1]! > 3) {
      const j = stack.pop()!;
      partner[i] = j;
      partner[j] = i;
    }
  }
  return partner;
}

describe('ml: custom layers', function () {
  this.timeout(limit(60000));
  before(async () => {
    await initBackend({ prefer: 'wasm' });
    await tf.setBackend('wasm');
  });

  describe('DilatedConv1D', () => {
    const cases: [number, number, number, 'same' | 'valid'][] = [
      [60, 7, 2, 'same'],
      [61, 7, 2, 'same'],
      [60, 3, 4, 'same'],
      [60, 7, 2, 'valid'],
      [59, 5, 3, 'valid'],
      [20, 3, 1, 'same'],
      [30, 4, 1, 'same'], // even kernel: asymmetric padding
    ];
    for (const [L, K, d, padding] of cases) {
      it(`L=${L} K=${K} dilation=${d} ${padding}: forward equals tf.layers.conv1d, gradients equal the expanded-kernel conv`, () => {
        tf.tidy(() => {
          const x = tf.tensor3d(seededNormal([3, L, 5], L + K + d), [3, L, 5]);
          const mine = new DilatedConv1D({ filters: 6, kernelSize: K, dilationRate: d, padding, seed: 3 });
          const ref = tf.layers.conv1d({ filters: 6, kernelSize: K, dilationRate: d, padding });
          mine.apply(x);
          ref.apply(x);
          ref.setWeights(mine.getWeights());
          assert.ok(maxAbsDiff(values(mine.apply(x) as tf.Tensor), values(ref.apply(x) as tf.Tensor)) <= 1e-4, 'forward');

          const kernel = mine.getWeights()[0] as tf.Tensor3D;
          const r = tf.tensor(seededNormal((mine.apply(x) as tf.Tensor).shape, 9), (mine.apply(x) as tf.Tensor).shape);
          const fMine = (xx: tf.Tensor, kk: tf.Tensor) => tf.sum(tf.mul(dilatedConv1d(xx as tf.Tensor3D, kk as tf.Tensor3D, d, padding), r));
          const fRef = (xx: tf.Tensor, kk: tf.Tensor) => tf.sum(tf.mul(tf.conv1d(xx as tf.Tensor3D, kk as tf.Tensor3D, 1, padding), r));
          const [gx1, gk1] = tf.grads(fMine)([x, kernel]);
          const [gx2, gkFull] = tf.grads(fRef)([x, expandKernel(kernel, d)]);
          const gk2 = tf.stack(tf.unstack(gkFull!).filter((_, i) => i % d === 0));
          assert.ok(maxAbsDiff(values(gx1!), values(gx2!)) <= 1e-4, 'dX');
          assert.ok(maxAbsDiff(values(gk1!), values(gk2)) <= 1e-4, 'dKernel');
        });
      });
    }

    it('fused bias + ReLU: forward and all three gradients equal the unfused reference', () => {
      tf.tidy(() => {
        const d = 3;
        const x = tf.tensor3d(seededNormal([2, 40, 4], 21), [2, 40, 4]);
        const kernel = tf.tensor3d(seededNormal([3, 4, 5], 22), [3, 4, 5]);
        const bias = tf.tensor1d(seededNormal([5], 23));
        const r = tf.tensor3d(seededNormal([2, 40, 5], 24), [2, 40, 5]);
        const fused = (xx: tf.Tensor, kk: tf.Tensor, bb: tf.Tensor) => tf.sum(tf.mul(dilatedConv1d(xx as tf.Tensor3D, kk as tf.Tensor3D, d, 'same', bb as tf.Tensor1D, true), r));
        const plain = (xx: tf.Tensor, kk: tf.Tensor, bb: tf.Tensor) => tf.sum(tf.mul(tf.relu(tf.add(tf.conv1d(xx as tf.Tensor3D, kk as tf.Tensor3D, 1, 'same'), bb)), r));
        assert.ok(Math.abs(fused(x, kernel, bias).dataSync()[0]! - plain(x, expandKernel(kernel, d), bias).dataSync()[0]!) <= 1e-3);
        const [gx1, gk1, gb1] = tf.grads(fused)([x, kernel, bias]);
        const [gx2, gkFull, gb2] = tf.grads(plain)([x, expandKernel(kernel, d), bias]);
        const gk2 = tf.stack(tf.unstack(gkFull!).filter((_, i) => i % d === 0));
        assert.ok(maxAbsDiff(values(gx1!), values(gx2!)) <= 1e-4, 'dX');
        assert.ok(maxAbsDiff(values(gk1!), values(gk2)) <= 1e-4, 'dKernel');
        assert.ok(maxAbsDiff(values(gb1!), values(gb2!)) <= 1e-4, 'dBias');
        // on model input data the input gradient is skipped (zeros); the weight gradients are unchanged
        const onData = (xx: tf.Tensor, kk: tf.Tensor, bb: tf.Tensor) => tf.sum(tf.mul(dilatedConv1d(xx as tf.Tensor3D, kk as tf.Tensor3D, d, 'same', bb as tf.Tensor1D, true, true), r));
        const [gx3, gk3, gb3] = tf.grads(onData)([x, kernel, bias]);
        assert.equal(maxAbsDiff(values(gx3!), new Float32Array(gx3!.size)), 0);
        assert.equal(maxAbsDiff(values(gk3!), values(gk1!)), 0);
        assert.equal(maxAbsDiff(values(gb3!), values(gb1!)), 0);
      });
    });

    it('trains (a tf.layers.conv1d with dilationRate > 1 cannot)', async () => {
      const x = tf.tensor3d(seededNormal([8, 30, 4], 1), [8, 30, 4]);
      const y = tf.tensor2d(seededNormal([8, 1], 2), [8, 1]);
      const build = (layer: tf.layers.Layer) => {
        const input = tf.input({ shape: [30, 4] });
        const h = tf.layers.globalAveragePooling1d().apply(layer.apply(input)) as tf.SymbolicTensor;
        const m = tf.model({ inputs: input, outputs: tf.layers.dense({ units: 1 }).apply(h) as tf.SymbolicTensor });
        m.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
        return m;
      };
      const ours = build(new DilatedConv1D({ filters: 4, kernelSize: 3, dilationRate: 2, seed: 1 }));
      const first = (await ours.trainOnBatch(x, y)) as number;
      let last = first;
      for (let i = 0; i < 20; i++) last = (await ours.trainOnBatch(x, y)) as number;
      assert.ok(last < first, `loss ${first} -> ${last}`);
      const stock = build(tf.layers.conv1d({ filters: 4, kernelSize: 3, dilationRate: 2 }));
      await assert.rejects(stock.trainOnBatch(x, y), /dilation/);
      tf.dispose([x, y]);
      ours.dispose();
      stock.dispose();
    });
  });

  describe('PairMessagePassing', () => {
    const B = 3;
    const L = 24;
    const C = 5;
    const partners = [0, 1, 2].map((b) => randomPartners(L, 10 + b));
    const pDense = new Float32Array(B * L * L);
    const index = new Int32Array(B * L);
    const weight = new Float32Array(B * L);
    partners.forEach((pt, b) =>
      pt.forEach((j, i) => {
        index[b * L + i] = j >= 0 ? j : i;
        weight[b * L + i] = j >= 0 ? 1 : 0;
        if (j >= 0) pDense[b * L * L + i * L + j] = 1;
      }),
    );
    const hValues = seededNormal([B, L, C], 5);

    it('P.H: dense batched matMul, sparse partner lists and an explicit loop agree, and so do their gradients', () => {
      tf.tidy(() => {
        const h = tf.tensor3d(hValues, [B, L, C]);
        const p = tf.tensor3d(pDense, [B, L, L]);
        const idx = flatPartnerIndex(tf.tensor3d(index, [B, L, 1], 'int32'));
        const w = tf.tensor3d(weight, [B, L, 1]);
        const expected = new Float32Array(B * L * C);
        partners.forEach((pt, b) => pt.forEach((j, i) => { if (j >= 0) for (let c = 0; c < C; c++) expected[(b * L + i) * C + c] = hValues[(b * L + j) * C + c]!; }));
        assert.ok(maxAbsDiff(values(symmetricPairProduct(h, p)), expected) <= 1e-6, 'dense');
        assert.ok(maxAbsDiff(values(sparsePairProduct(h, idx, w)), expected) <= 1e-6, 'sparse');
        const r = tf.tensor3d(seededNormal([B, L, C], 6), [B, L, C]);
        const gPlain = tf.grad((hh: tf.Tensor) => tf.sum(tf.mul(tf.matMul(p, hh as tf.Tensor3D), r)))(h);
        const gDense = tf.grad((hh: tf.Tensor) => tf.sum(tf.mul(symmetricPairProduct(hh as tf.Tensor3D, p), r)))(h);
        const gSparse = tf.grad((hh: tf.Tensor) => tf.sum(tf.mul(sparsePairProduct(hh as tf.Tensor3D, idx, w), r)))(h);
        assert.ok(maxAbsDiff(values(gDense), values(gPlain)) <= 1e-5, 'dense gradient');
        assert.ok(maxAbsDiff(values(gSparse), values(gPlain)) <= 1e-5, 'sparse gradient');
      });
    });

    it('top-K partner lists reproduce a probability matrix with <= K entries per row', () => {
      tf.tidy(() => {
        // row i pairs with (i + 3) % L (p = 0.6) and (i + 7) % L (p = 0.3): symmetric after adding the transpose
        const k = 4;
        const dense = new Float32Array(L * L);
        for (let i = 0; i < L; i++) {
          for (const [off, p] of [[3, 0.3], [7, 0.15]] as const) {
            dense[i * L + ((i + off) % L)]! += p;
            dense[((i + off) % L) * L + i]! += p;
          }
        }
        const idx = new Int32Array(L * k);
        const w = new Float32Array(L * k);
        for (let i = 0; i < L; i++) {
          let s = 0;
          for (let j = 0; j < L; j++) if (dense[i * L + j]! > 0) ((idx[i * k + s] = j), (w[i * k + s] = dense[i * L + j]!), s++);
        }
        const h = tf.tensor3d(hValues.subarray(0, L * C), [1, L, C]);
        const viaDense = symmetricPairProduct(h, tf.tensor3d(dense, [1, L, L]));
        const viaSparse = sparsePairProduct(h, flatPartnerIndex(tf.tensor3d(idx, [1, L, k], 'int32')), tf.tensor3d(w, [1, L, k]));
        assert.ok(maxAbsDiff(values(viaDense), values(viaSparse)) <= 1e-5);
      });
    });

    it('denseRelu (fused forward, one-matMul dW and dBias) has the gradients of relu(a W + b)', () => {
      for (const relu of [true, false]) {
        tf.tidy(() => {
          const a = tf.tensor2d(seededNormal([37, 6], 41), [37, 6]);
          const w = tf.tensor2d(seededNormal([6, 5], 42), [6, 5]);
          const b = tf.tensor1d(seededNormal([5], 43));
          const r = tf.tensor2d(seededNormal([37, 5], 44), [37, 5]);
          const mine = (aa: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) => tf.sum(tf.mul(denseRelu(aa as tf.Tensor2D, ww as tf.Tensor2D, bb as tf.Tensor1D, relu), r));
          const stock = (aa: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) => {
            const z = tf.add(tf.matMul(aa as tf.Tensor2D, ww as tf.Tensor2D), bb);
            return tf.sum(tf.mul(relu ? tf.relu(z) : z, r));
          };
          assert.ok(Math.abs((mine(a, w, b).dataSync()[0]! - stock(a, w, b).dataSync()[0]!)) <= 1e-4, 'value');
          const gm = tf.grads(mine)([a, w, b]);
          const gs = tf.grads(stock)([a, w, b]);
          gm.forEach((g, i) => assert.ok(maxAbsDiff(values(g), values(gs[i]!)) <= 1e-4, `relu=${relu} gradient ${i}`));
        });
      }
    });

    it('the layer computes H + relu((P.H) W + b) with either form of P', () => {
      tf.tidy(() => {
        const h = tf.tensor3d(hValues, [B, L, C]);
        const layer = new PairMessagePassing({ seed: 4 });
        const rows = new FlatPartnerIndex().apply(tf.tensor3d(index, [B, L, 1], 'int32')) as tf.Tensor;
        const sparse = layer.apply([h, rows, tf.tensor3d(weight, [B, L, 1])]) as tf.Tensor;
        const dense = layer.apply([h, tf.tensor3d(pDense, [B, L, L])]) as tf.Tensor;
        const [W, b] = layer.getWeights() as [tf.Tensor2D, tf.Tensor1D];
        const m = tf.matMul(tf.tensor3d(pDense, [B, L, L]), h);
        const expected = tf.add(h, tf.relu(tf.add(tf.reshape(tf.matMul(tf.reshape(m, [B * L, C]), W), [B, L, C]), b)));
        assert.ok(maxAbsDiff(values(sparse), values(expected)) <= 1e-5, 'sparse');
        assert.ok(maxAbsDiff(values(dense), values(expected)) <= 1e-5, 'dense');
      });
    });
  });

  describe('PositionDense', () => {
    it('equals tf.layers.dense on [B, L, C] (same seed: same initial weights), forward and gradients', () => {
      for (const activation of ['relu', 'linear'] as const) {
        tf.tidy(() => {
          const x = tf.tensor3d(seededNormal([3 * 11 * 6], 51), [3, 11, 6]);
          const r = tf.tensor3d(seededNormal([3 * 11 * 4], 52), [3, 11, 4]);
          const mine = new PositionDense({ units: 4, activation, seed: 9 });
          const stock = tf.layers.dense({ units: 4, activation, kernelInitializer: tf.initializers.glorotUniform({ seed: 9 }) });
          const ym = mine.apply(x) as tf.Tensor;
          const ys = stock.apply(x) as tf.Tensor;
          assert.deepEqual(ym.shape, [3, 11, 4]);
          mine.getWeights().forEach((w, i) => assert.equal(maxAbsDiff(values(w), values(stock.getWeights()[i]!)), 0, `initial weight ${i}`));
          assert.ok(maxAbsDiff(values(ym), values(ys)) <= 1e-5, `${activation} forward`);
          const loss = (layer: tf.layers.Layer) => () => tf.sum(tf.mul(layer.apply(x) as tf.Tensor, r)) as tf.Scalar;
          const gm = tf.variableGrads(loss(mine), mine.trainableWeights.map((w) => w.read() as tf.Variable));
          const gs = tf.variableGrads(loss(stock), stock.trainableWeights.map((w) => w.read() as tf.Variable));
          const gmList = Object.values(gm.grads);
          const gsList = Object.values(gs.grads);
          assert.equal(gmList.length, 2);
          gmList.forEach((g, i) => assert.ok(maxAbsDiff(values(g), values(gsList[i]!)) <= 1e-4, `${activation} gradient ${i}`));
        });
      }
    });

    it('round-trips through its config (saved models rebuild it)', () => {
      const layer = new PositionDense({ units: 3, activation: 'relu', seed: 5, name: 'pd' });
      const config = layer.getConfig();
      assert.equal(config.units, 3);
      assert.equal(config.activation, 'relu');
      assert.equal(config.seed, 5);
      const registered = tf.serialization.SerializationMap.getMap().classNameMap[PositionDense.className];
      assert.ok(registered, 'registered for deserialisation');
      const copy = registered[1](registered[0], config) as PositionDense;
      assert.equal(copy.units, 3);
      assert.equal(copy.activationName, 'relu');
    });
  });

  describe('masking, pooling, dropout', () => {
    it('masked pooling ignores padded positions entirely', () => {
      tf.tidy(() => {
        const h = tf.tensor3d(seededNormal([2, 6, 3], 1), [2, 6, 3]);
        const mask = tf.tensor2d([1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1], [2, 6]);
        const changed = tf.add(h, tf.mul(tf.tensor3d([0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0], [2, 6, 1]), 100));
        const attention = new MaskedAttentionPooling({ heads: 2, seed: 1 });
        const mean = new MaskedMeanPooling();
        const window = new WeightedPositionMean();
        const logits = tf.tensor3d(seededNormal([2, 6, 1], 3), [2, 6, 1]);
        for (const run of [
          (x: tf.Tensor) => attention.apply([x, mask]) as tf.Tensor,
          (x: tf.Tensor) => mean.apply([x, mask]) as tf.Tensor,
          (x: tf.Tensor) => window.apply([x, logits, mask]) as tf.Tensor,
          (x: tf.Tensor) => new ApplyMask().apply([x, mask]) as tf.Tensor,
        ]) {
          assert.ok(maxAbsDiff(values(run(h)), values(run(changed))) <= 1e-5);
        }
        const m = values(mean.apply([h, mask]) as tf.Tensor);
        const hv = values(h);
        assert.ok(Math.abs(m[0]! - (hv[0]! + hv[3]! + hv[6]! + hv[9]!) / 4) <= 1e-5);
      });
    });

    it('SeededDropout: identity at inference, a fresh but reproducible mask per training call', () => {
      tf.tidy(() => {
        const x = tf.ones([4, 50]);
        const masks = (seed: number) => {
          const layer = new SeededDropout({ rate: 0.5, seed });
          return [0, 1].map(() => values(layer.apply(x, { training: true }) as tf.Tensor));
        };
        const a = masks(7);
        const b = masks(7);
        assert.deepEqual(a, b);
        assert.notDeepEqual(a[0], a[1]);
        assert.deepEqual(values(new SeededDropout({ rate: 0.5, seed: 7 }).apply(x) as tf.Tensor), values(x));
      });
    });
  });
});
