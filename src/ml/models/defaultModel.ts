// The default regressor: cheap and structure-aware.
//   features [L, F] -> Conv1D stem -> residual blocks, each a dilated Conv1D along the sequence followed
//   (structure-aware variant) by message passing over base pairs H' = H + f(P.H) -> head -> one value.
// Heads: 'positionValues' (default) predicts a value per nucleotide and takes their softmax-weighted mean
// over the real positions, the weights coming from a small network on the input channels (so it can learn
// a window such as "the first L-39 nt" from the position channels); 'pooled' concatenates masked
// attention pooling and mean pooling of H and ends with Dense -> dropout -> Dense.
// The sequence-only variant is the same network without structure channels and without message passing
// (to show whether the structure is used). Every layer is seeded and named; padding is masked throughout.
import * as tf from '../tf';
import { DilatedConv1D } from '../layers/dilatedConv1d';
import { ApplyMask, MaskedAttentionPooling, MaskedMeanPooling } from '../layers/maskedPooling';
import { FlatPartnerIndex, PairMessagePassing } from '../layers/pairMessagePassing';
import { PositionDense } from '../layers/positionDense';
import { SeededDropout } from '../layers/seededDropout';
import { WeightedPositionMean } from '../layers/weightedPositionMean';
import type { InputSpec } from '../features/batchEncoder';
import { makeInputSpec } from '../features/batchEncoder';
import { LayerNames } from './layerNames';
import { LayerSeeds } from './seeds';
import type { ModelInputs } from './modelInputs';

export interface DefaultModelConfig {
  /** Width of every hidden per-position representation. */
  channels: number;
  kernelSize: number;
  /** One residual block per entry, its dilation rate. */
  dilations: number[];
  /** Message passing over base pairs after each block (false = the sequence-only model). */
  messagePassing: boolean;
  head: 'positionValues' | 'pooled';
  /** 'pooled' head: attention heads and dense width. */
  heads: number;
  dense: number;
  /** Dropout on the per-position representation before the head, and (pooled head) after the dense layer. */
  dropout: number;
  /** 'positionValues' head: width of a hidden ReLU layer before each position's value (0 or absent = linear). */
  valueHidden?: number;
}

export const DEFAULT_MODEL_CONFIG: DefaultModelConfig = {
  channels: 32,
  kernelSize: 3,
  dilations: [1, 2, 4, 8],
  messagePassing: true,
  head: 'positionValues',
  heads: 2,
  dense: 32,
  dropout: 0.1,
  valueHidden: 32,
};

/**
 * Inputs of the default model: with structure, the pair matrix goes in as its top-K partners per
 * position (K = 1 for dot-bracket structures; 3 is plenty for base-pair probabilities).
 */
export function defaultModelInputs(structureAware: boolean, partnersPerPosition = 1): InputSpec {
  return structureAware
    ? makeInputSpec(['features', 'partners', 'partnerWeights', 'mask'], { structure: true, position: true }, { partnersPerPosition })
    : makeInputSpec(['features', 'mask'], { structure: false, position: true });
}

const glorot = (seeds: LayerSeeds) => tf.initializers.glorotUniform({ seed: seeds.next() });

/** The default network on existing symbolic inputs; returns its [B, 1] output. */
export function defaultGraph(inputs: ModelInputs, config: DefaultModelConfig, seed: number, prefix: string): tf.SymbolicTensor {
  const seeds = new LayerSeeds(seed);
  const names = new LayerNames(prefix);
  const { features, mask } = inputs;
  const pairInputs = inputs.partners
    ? [new FlatPartnerIndex({ name: names.next('partner_rows') }).apply(inputs.partners) as tf.SymbolicTensor, inputs.partnerWeights!]
    : inputs.pairs
      ? [inputs.pairs]
      : [];
  const masked = (x: tf.SymbolicTensor): tf.SymbolicTensor => new ApplyMask({ name: names.next('mask') }).apply([x, mask]) as tf.SymbolicTensor;
  const stem = new DilatedConv1D({ name: names.next('stem'), filters: config.channels, kernelSize: config.kernelSize, activation: 'relu', seed: seeds.next(), inputIsData: true });
  let h = masked(stem.apply(features) as tf.SymbolicTensor);
  for (const dilation of config.dilations) {
    // one mask per block is enough: message passing only reads partners, which are real positions
    const block = new DilatedConv1D({ name: names.next('dilated'), filters: config.channels, kernelSize: config.kernelSize, dilationRate: dilation, activation: 'relu', seed: seeds.next() });
    h = tf.layers.add({ name: names.next('residual') }).apply([h, block.apply(h) as tf.SymbolicTensor]) as tf.SymbolicTensor;
    if (config.messagePassing && pairInputs.length) {
      h = new PairMessagePassing({ name: names.next('pairs'), seed: seeds.next() }).apply([h, ...pairInputs]) as tf.SymbolicTensor;
    }
    h = masked(h);
  }
  if (config.dropout > 0) h = new SeededDropout({ name: names.next('dropout'), rate: config.dropout, seed: seeds.next() }).apply(h) as tf.SymbolicTensor;
  if (config.head === 'positionValues') {
    const hidden = config.valueHidden
      ? (new PositionDense({ name: names.next('values_hidden'), units: config.valueHidden, activation: 'relu', seed: seeds.next() }).apply(h) as tf.SymbolicTensor)
      : h;
    const values = new PositionDense({ name: names.next('values'), units: 1, seed: seeds.next() }).apply(hidden) as tf.SymbolicTensor;
    let w = new PositionDense({ name: names.next('window_hidden'), units: 8, activation: 'relu', seed: seeds.next() }).apply(features) as tf.SymbolicTensor;
    w = new PositionDense({ name: names.next('window_logits'), units: 1, seed: seeds.next() }).apply(w) as tf.SymbolicTensor;
    return new WeightedPositionMean({ name: names.next('window_mean') }).apply([values, w, mask]) as tf.SymbolicTensor;
  }
  const attention = new MaskedAttentionPooling({ name: names.next('attention'), heads: config.heads, seed: seeds.next() }).apply([h, mask]) as tf.SymbolicTensor;
  const mean = new MaskedMeanPooling({ name: names.next('mean') }).apply([h, mask]) as tf.SymbolicTensor;
  let z = tf.layers.concatenate({ name: names.next('pooled') }).apply([attention, mean]) as tf.SymbolicTensor;
  z = tf.layers.dense({ name: names.next('dense'), units: config.dense, activation: 'relu', kernelInitializer: glorot(seeds) }).apply(z) as tf.SymbolicTensor;
  if (config.dropout > 0) z = new SeededDropout({ name: names.next('dropout'), rate: config.dropout, seed: seeds.next() }).apply(z) as tf.SymbolicTensor;
  return tf.layers.dense({ name: names.next('value'), units: 1, kernelInitializer: glorot(seeds) }).apply(z) as tf.SymbolicTensor;
}
