// `seed-cnn`: the first seed user's two-branch Keras CNN, kept in its shape for comparison:
//   one-hot [L, 4]   -> (Conv1D -> ReLU -> BatchNorm -> MaxPool1D) x 2 -> Flatten
//   pairs   [L, L, 1]-> (Conv2D -> ReLU -> BatchNorm -> MaxPool2D) x 2 -> Flatten
//   concat -> Dense(16) -> BatchNorm -> Dropout(0.5) -> Dense(4) -> ReLU -> Dense(1)
// The seed ended at Dense(4) -> ReLU (4 unscaled targets); here one standardised target, so a linear
// Dense(1) follows (a ReLU output cannot reach the negative half of a standardised target). Flatten
// needs a fixed length: every batch is padded to the training set's longest record.
import * as tf from '../tf';
import { SeededDropout } from '../layers/seededDropout';
import type { InputSpec } from '../features/batchEncoder';
import { makeInputSpec } from '../features/batchEncoder';
import { LayerNames } from './layerNames';
import { LayerSeeds } from './seeds';
import type { ModelInputs } from './modelInputs';

export interface SeedCnnConfig {
  sequenceFilters: number[];
  sequenceKernel: number;
  pairFilters: number[];
  pairKernel: number;
}

export const SEED_CNN_CONFIG: SeedCnnConfig = { sequenceFilters: [32, 32], sequenceKernel: 5, pairFilters: [4, 8], pairKernel: 3 };

export function seedCnnInputs(fixedLength: number): InputSpec {
  return makeInputSpec(['features', 'pairs'], { structure: false, position: false }, { fixedLength });
}

export function seedCnnGraph(inputs: ModelInputs, config: SeedCnnConfig, seed: number, prefix: string): tf.SymbolicTensor {
  const seeds = new LayerSeeds(seed);
  const names = new LayerNames(prefix);
  const init = () => tf.initializers.glorotUniform({ seed: seeds.next() });
  if (!inputs.pairs) throw new Error('seed-cnn reads the pair matrix');
  const length = inputs.pairs.shape[1] as number;

  let a: tf.SymbolicTensor = inputs.features;
  for (const filters of config.sequenceFilters) {
    a = tf.layers.conv1d({ name: names.next('seq_conv'), filters, kernelSize: config.sequenceKernel, padding: 'same', kernelInitializer: init() }).apply(a) as tf.SymbolicTensor;
    a = tf.layers.reLU({ name: names.next('seq_relu') }).apply(a) as tf.SymbolicTensor;
    a = tf.layers.batchNormalization({ name: names.next('seq_bn') }).apply(a) as tf.SymbolicTensor;
    a = tf.layers.maxPooling1d({ name: names.next('seq_pool'), poolSize: 2 }).apply(a) as tf.SymbolicTensor;
  }
  a = tf.layers.flatten({ name: names.next('seq_flatten') }).apply(a) as tf.SymbolicTensor;

  let b = tf.layers.reshape({ name: names.next('pair_reshape'), targetShape: [length, length, 1] }).apply(inputs.pairs) as tf.SymbolicTensor;
  for (const filters of config.pairFilters) {
    b = tf.layers.conv2d({ name: names.next('pair_conv'), filters, kernelSize: config.pairKernel, padding: 'same', kernelInitializer: init() }).apply(b) as tf.SymbolicTensor;
    b = tf.layers.reLU({ name: names.next('pair_relu') }).apply(b) as tf.SymbolicTensor;
    b = tf.layers.batchNormalization({ name: names.next('pair_bn') }).apply(b) as tf.SymbolicTensor;
    b = tf.layers.maxPooling2d({ name: names.next('pair_pool'), poolSize: 2 }).apply(b) as tf.SymbolicTensor;
  }
  b = tf.layers.flatten({ name: names.next('pair_flatten') }).apply(b) as tf.SymbolicTensor;

  let z = tf.layers.concatenate({ name: names.next('concat') }).apply([a, b]) as tf.SymbolicTensor;
  z = tf.layers.dense({ name: names.next('dense16'), units: 16, kernelInitializer: init() }).apply(z) as tf.SymbolicTensor;
  z = tf.layers.batchNormalization({ name: names.next('dense_bn') }).apply(z) as tf.SymbolicTensor;
  z = new SeededDropout({ name: names.next('dropout'), rate: 0.5, seed: seeds.next() }).apply(z) as tf.SymbolicTensor;
  z = tf.layers.dense({ name: names.next('dense4'), units: 4, activation: 'relu', kernelInitializer: init() }).apply(z) as tf.SymbolicTensor;
  return tf.layers.dense({ name: names.next('value'), units: 1, kernelInitializer: init() }).apply(z) as tf.SymbolicTensor;
}
