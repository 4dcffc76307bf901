// Incremental decoding of the pair generator for sampling: one position per step for a batch of
// sequences, with the attention keys and values of earlier positions cached. The dense parts (embedding,
// projections, feed-forward, output) run as TF.js matMuls on the whole batch; attention itself runs in
// plain JS over the cache (a per-sequence dot product with at most ~70 earlier positions): TF.js has no
// efficient kernel for thousands of tiny batched matMuls, nor an in-place cache append. Same arithmetic
// as the network (generatorModel.ts), checked against it in the tests.
import * as tf from '../../tf';
import { layerNorm } from '../layers/layerNorm';
import type { PairGeneratorConfig } from './generatorModel';
import { featureWidth, vocabularySize } from './tokens';

interface LayerWeights {
  ln1: [tf.Tensor, tf.Tensor];
  qkv: [tf.Tensor2D, tf.Tensor];
  out: [tf.Tensor2D, tf.Tensor];
  ln2: [tf.Tensor, tf.Tensor];
  ff1: [tf.Tensor2D, tf.Tensor];
  ff2: [tf.Tensor2D, tf.Tensor];
}

export class IncrementalDecoder {
  readonly width: number;
  readonly vocabulary: number;
  private readonly embed: [tf.Tensor2D, tf.Tensor];
  private readonly blocks: LayerWeights[];
  private readonly lnOut: [tf.Tensor, tf.Tensor];
  private readonly head: [tf.Tensor2D, tf.Tensor];

  constructor(
    model: tf.LayersModel,
    readonly config: PairGeneratorConfig,
  ) {
    const w = (name: string) => model.getLayer(name).getWeights().map((t) => t.clone()); // own copies: the model may be disposed first
    const pair2 = (name: string) => {
      const [k, b] = w(name);
      return [k as tf.Tensor2D, b!] as [tf.Tensor2D, tf.Tensor];
    };
    const pair = (name: string) => w(name) as [tf.Tensor, tf.Tensor];
    this.embed = pair2('embed');
    this.blocks = Array.from({ length: config.layers }, (_, k) => {
      const [qk, qb, ok, ob] = w(`attn_${k}`);
      return { ln1: pair(`ln1_${k}`), qkv: [qk as tf.Tensor2D, qb!], out: [ok as tf.Tensor2D, ob!], ln2: pair(`ln2_${k}`), ff1: pair2(`ff1_${k}`), ff2: pair2(`ff2_${k}`) };
    });
    this.lnOut = pair('ln_out');
    this.head = pair2('logits');
    this.width = featureWidth(config);
    this.vocabulary = vocabularySize(config);
  }

  /** A decoding session for `n` sequences of at most `maxSteps` positions. */
  session(n: number, maxSteps: number): DecoderSession {
    return new DecoderSession(this, n, maxSteps);
  }

  /** Logits [n, vocabulary] of one position, given features [n, width]; attention through `attend`. */
  stepLogits(features: Float32Array, n: number, attend: (layer: number, qkv: Float32Array) => Float32Array): Float32Array {
    const d = this.config.dModel;
    // The tidy returns the tensor, not its data: tidy walks returned containers element by element.
    const logits = tf.tidy(() => {
      let h: tf.Tensor2D = tf.add(tf.matMul(tf.tensor2d(features, [n, this.width]), this.embed[0]), this.embed[1]);
      this.blocks.forEach((b, k) => {
        const a = layerNorm(h, b.ln1[0], b.ln1[1], 1e-5) as tf.Tensor2D;
        const qkv = tf.add(tf.matMul(a, b.qkv[0]), b.qkv[1]).dataSync() as Float32Array;
        const context = tf.tensor2d(attend(k, qkv), [n, d]);
        h = tf.add(h, tf.add(tf.matMul(context, b.out[0]), b.out[1]));
        const a2 = layerNorm(h, b.ln2[0], b.ln2[1], 1e-5) as tf.Tensor2D;
        const f = tf.relu(tf.add(tf.matMul(a2, b.ff1[0]), b.ff1[1])) as tf.Tensor2D;
        h = tf.add(h, tf.add(tf.matMul(f, b.ff2[0]), b.ff2[1]));
      });
      const out = layerNorm(h, this.lnOut[0], this.lnOut[1], 1e-5) as tf.Tensor2D;
      return tf.add(tf.matMul(out, this.head[0]), this.head[1]) as tf.Tensor2D;
    });
    try {
      return logits.dataSync() as Float32Array;
    } finally {
      logits.dispose();
    }
  }

  dispose(): void {
    const all: tf.Tensor[] = [...this.embed, ...this.lnOut, ...this.head];
    for (const b of this.blocks) all.push(...b.ln1, ...b.qkv, ...b.out, ...b.ln2, ...b.ff1, ...b.ff2);
    tf.dispose(all);
  }
}

export class DecoderSession {
  private readonly keys: Float32Array[];
  private readonly values: Float32Array[];
  private readonly scores: Float64Array;
  private t = 0;

  constructor(
    private readonly decoder: IncrementalDecoder,
    readonly n: number,
    readonly maxSteps: number,
  ) {
    const d = decoder.config.dModel;
    this.keys = Array.from({ length: decoder.config.layers }, () => new Float32Array(n * maxSteps * d));
    this.values = Array.from({ length: decoder.config.layers }, () => new Float32Array(n * maxSteps * d));
    this.scores = new Float64Array(maxSteps);
  }

  get position(): number {
    return this.t;
  }

  /** Feeds the features [n, width] of position t; returns the logits [n, vocabulary] predicting t + 1. */
  step(features: Float32Array): Float32Array {
    if (this.t >= this.maxSteps) throw new Error(`decoder session: more than ${this.maxSteps} steps`);
    const logits = this.decoder.stepLogits(features, this.n, (layer, qkv) => this.attend(layer, qkv));
    this.t++;
    return logits;
  }

  /** Causal attention of position t over positions 0..t of every sequence, from qkv [n, 3d]. */
  private attend(layer: number, qkv: Float32Array): Float32Array {
    const { dModel: d, heads } = this.decoder.config;
    const dh = d / heads;
    const scale = 1 / Math.sqrt(dh);
    const t = this.t;
    const stride = this.maxSteps * d;
    const K = this.keys[layer]!;
    const V = this.values[layer]!;
    const n = this.n;
    const out = new Float32Array(n * d);
    const scores = this.scores;
    for (let i = 0; i < n; i++) {
      const row = i * 3 * d;
      const base = i * stride;
      const slot = base + t * d;
      for (let j = 0; j < d; j++) {
        K[slot + j] = qkv[row + d + j]!;
        V[slot + j] = qkv[row + 2 * d + j]!;
      }
      for (let h = 0; h < heads; h++) {
        const q0 = row + h * dh;
        const hOff = base + h * dh;
        let max = -Infinity;
        for (let s = 0, k0 = hOff; s <= t; s++, k0 += d) {
          let dot = 0;
          for (let j = 0; j < dh; j++) dot += qkv[q0 + j]! * K[k0 + j]!;
          dot *= scale;
          scores[s] = dot;
          if (dot > max) max = dot;
        }
        let sum = 0;
        for (let s = 0; s <= t; s++) {
          const e = Math.exp(scores[s]! - max);
          scores[s] = e;
          sum += e;
        }
        const inv = 1 / sum;
        const o = i * d + h * dh;
        for (let s = 0, v0 = hOff; s <= t; s++, v0 += d) {
          const wgt = scores[s]! * inv;
          if (wgt < 1e-7) continue; // below float32 resolution of the sum: no effect
          for (let j = 0; j < dh; j++) out[o + j] += wgt * V[v0 + j]!;
        }
      }
    }
    return out;
  }
}
