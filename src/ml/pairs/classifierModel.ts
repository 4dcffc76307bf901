// The pair classifier network: A and B one-hot (5'->3', zero-padded) -> logit of "A and B interact".
//
//   interaction map [La, Lb, C] (PairInteractionMap) -> DiagonalSkew [La, La+Lb-1, C]: one column per
//   alignment offset, read along A
//   -> Conv2D (kernel k along A x w across neighbouring offsets, then k x 1; ReLU, padding masked): runs
//      of pairs, mismatches and bulges at any offset
//   -> per offset: max of the conv features along A + pair counts (AU, GC, GU, overlap) / 10
//   -> Dense per offset (ReLU) -> max over offsets                                  (best alignment)
//   per-sequence branches: Conv1D (ReLU) on A and on B -> masked max + mean         (composition, motifs)
//   -> concat -> Dense (ReLU) -> dropout -> Dense(1): logit; P(label 1) = sigmoid(logit)
// Works for any lengths (no Flatten): batches are padded to their longest A and B.
import * as tf from '../tf';
import { SeededDropout } from '../layers/seededDropout';
import { LayerNames } from '../models/layerNames';
import { LayerSeeds } from '../models/seeds';
import { mapChannelCount, type MapChannels } from './encoding';
import { PairInteractionMap } from './layers/interactionMap';
import { DiagonalSkew } from './layers/diagonalSkew';
import { AxisReduce, BroadcastMultiply, ChannelSlice, MaskedMean, SequenceMask } from './layers/plumbing';

export interface PairClassifierConfig {
  /** Interaction map channels ('pairing': AU, GC, GU, real; 'full': + the 16 base combinations). */
  mapChannels: MapChannels;
  /** Filters of the convolutions over the skewed map. */
  mapFilters: number[];
  /** Kernel along A (positions of one alignment). */
  mapKernel: number;
  /** Kernel of the first convolution across neighbouring alignment offsets (1 = none; 3 sees single
   *  bulges); later convolutions run along A only. */
  mapKernelAcross: number;
  /** Units of the per-offset dense layer. */
  offsetUnits: number;
  /** Filters of the per-sequence Conv1D branches (0 = no branches). */
  sequenceFilters: number;
  sequenceKernel: number;
  hiddenUnits: number;
  dropout: number;
}

export const DEFAULT_PAIR_CLASSIFIER: PairClassifierConfig = {
  mapChannels: 'pairing',
  mapFilters: [8, 8],
  mapKernel: 5,
  mapKernelAcross: 3,
  offsetUnits: 32,
  sequenceFilters: 16,
  sequenceKernel: 5,
  hiddenUnits: 32,
  dropout: 0.1,
};

type S = tf.SymbolicTensor;

/** Builds the classifier (inputs 'a', 'b': [batch, length, 4]; output [batch, 1] logits). */
export function buildPairClassifier(config: PairClassifierConfig, seed: number): tf.LayersModel {
  const seeds = new LayerSeeds(seed);
  const names = new LayerNames('');
  const init = () => tf.initializers.glorotUniform({ seed: seeds.next() });
  const a = tf.input({ shape: [null, 4], name: 'a' });
  const b = tf.input({ shape: [null, 4], name: 'b' });
  const C = mapChannelCount(config.mapChannels);
  const apply = (layer: tf.layers.Layer, x: S | S[]) => layer.apply(x) as S;

  const map = apply(new PairInteractionMap({ name: names.next('map'), channels: config.mapChannels }), [a, b]);
  const skewed = apply(new DiagonalSkew({ name: names.next('skew') }), map);
  const real = apply(new ChannelSlice({ name: names.next('real'), begin: C - 1, size: 1 }), skewed);
  let h = skewed;
  for (const [k, filters] of config.mapFilters.entries()) {
    const across = k === 0 ? config.mapKernelAcross : 1;
    h = apply(
      tf.layers.conv2d({ name: names.next('map_conv'), filters, kernelSize: [config.mapKernel, across], padding: 'same', activation: 'relu', kernelInitializer: init() }),
      h,
    );
    h = apply(new BroadcastMultiply({ name: names.next('map_mask') }), [h, real]);
  }
  const runs = apply(new AxisReduce({ name: names.next('offset_max'), op: 'max', axis: 1 }), h);
  const pairing = apply(new ChannelSlice({ name: names.next('pairing'), begin: C - 4, size: 4 }), skewed);
  const counts = apply(new AxisReduce({ name: names.next('offset_counts'), op: 'sum', axis: 1, scale: 0.1 }), pairing);
  const offsetReal = apply(new AxisReduce({ name: names.next('offset_real'), op: 'max', axis: 1 }), real);
  let offsets = apply(tf.layers.concatenate({ name: names.next('offset_features') }), [runs, counts]);
  offsets = apply(tf.layers.dense({ name: names.next('offset_dense'), units: config.offsetUnits, activation: 'relu', kernelInitializer: init() }), offsets);
  offsets = apply(new BroadcastMultiply({ name: names.next('offset_mask') }), [offsets, offsetReal]);
  const best = apply(new AxisReduce({ name: names.next('best_offset'), op: 'max', axis: 1 }), offsets);

  const features: S[] = [best];
  if (config.sequenceFilters > 0) {
    for (const [x, tag] of [[a, 'a'], [b, 'b']] as const) {
      const mask = apply(new SequenceMask({ name: names.next(`${tag}_mask`) }), x);
      let s = apply(
        tf.layers.conv1d({ name: names.next(`${tag}_conv`), filters: config.sequenceFilters, kernelSize: config.sequenceKernel, padding: 'same', activation: 'relu', kernelInitializer: init() }),
        x,
      );
      s = apply(new BroadcastMultiply({ name: names.next(`${tag}_masked`) }), [s, mask]);
      features.push(apply(new AxisReduce({ name: names.next(`${tag}_max`), op: 'max', axis: 1 }), s));
      features.push(apply(new MaskedMean({ name: names.next(`${tag}_mean`) }), [s, mask]));
    }
  }
  let z = apply(tf.layers.concatenate({ name: names.next('features') }), features);
  z = apply(tf.layers.dense({ name: names.next('hidden'), units: config.hiddenUnits, activation: 'relu', kernelInitializer: init() }), z);
  if (config.dropout > 0) z = apply(new SeededDropout({ name: names.next('dropout'), rate: config.dropout, seed: seeds.next() }), z);
  const logit = apply(tf.layers.dense({ name: names.next('logit'), units: 1, kernelInitializer: init() }), z);
  return tf.model({ inputs: [a, b], outputs: logit, name: 'basepair_pair_classifier' });
}
