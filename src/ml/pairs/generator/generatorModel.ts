// The pair generator network: a small decoder-only transformer over the token layout of tokens.ts.
//   features [B, T, W] -> Dense(d) -> (x + Attn(LN(x)); x + FF(LN(x))) x layers -> LN -> Dense(V) logits
// Pre-LN blocks, causal attention, ReLU feed-forward. Layer names are fixed (embed, ln1_k, attn_k, ...)
// because the incremental sampler reads the weights by name.
import * as tf from '../../tf';
import { LayerSeeds } from '../../models/seeds';
import { CausalSelfAttention } from '../layers/causalSelfAttention';
import { LayerNorm } from '../layers/layerNorm';
import { featureWidth, vocabularySize, type TokenLayout } from './tokens';

export interface PairGeneratorConfig extends TokenLayout {
  dModel: number;
  heads: number;
  layers: number;
  ffUnits: number;
}

export const DEFAULT_PAIR_GENERATOR: Omit<PairGeneratorConfig, 'maxLength'> = { frequencies: 6, dModel: 32, heads: 2, layers: 1, ffUnits: 64 };

type S = tf.SymbolicTensor;

export function buildPairGenerator(config: PairGeneratorConfig, seed: number): tf.LayersModel {
  const seeds = new LayerSeeds(seed);
  const init = () => tf.initializers.glorotUniform({ seed: seeds.next() });
  const input = tf.input({ shape: [null, featureWidth(config)], name: 'tokens' });
  let x = tf.layers.dense({ name: 'embed', units: config.dModel, kernelInitializer: init() }).apply(input) as S;
  for (let k = 0; k < config.layers; k++) {
    const n1 = new LayerNorm({ name: `ln1_${k}` }).apply(x) as S;
    const att = new CausalSelfAttention({ name: `attn_${k}`, heads: config.heads, seed: seeds.next() }).apply(n1) as S;
    x = tf.layers.add({ name: `res1_${k}` }).apply([x, att]) as S;
    const n2 = new LayerNorm({ name: `ln2_${k}` }).apply(x) as S;
    const f1 = tf.layers.dense({ name: `ff1_${k}`, units: config.ffUnits, activation: 'relu', kernelInitializer: init() }).apply(n2) as S;
    const f2 = tf.layers.dense({ name: `ff2_${k}`, units: config.dModel, kernelInitializer: init() }).apply(f1) as S;
    x = tf.layers.add({ name: `res2_${k}` }).apply([x, f2]) as S;
  }
  x = new LayerNorm({ name: 'ln_out' }).apply(x) as S;
  const logits = tf.layers.dense({ name: 'logits', units: vocabularySize(config), kernelInitializer: init() }).apply(x) as S;
  return tf.model({ inputs: input, outputs: logits, name: 'basepair_pair_generator' });
}
