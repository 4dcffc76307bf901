// The architectures a user can pick (`--arch`), their inputs, and the network builder shared by single
// models and k-fold ensembles: member k of an ensemble is the architecture's graph with layer prefix
// `m<k>_` and its own seed; the saved model concatenates the members' outputs ([batch, members]).
import * as tf from '../tf';
import type { InputSpec } from '../features/batchEncoder';
import { DEFAULT_MODEL_CONFIG, defaultGraph, defaultModelInputs, type DefaultModelConfig } from './defaultModel';
import { makeModelInputs } from './modelInputs';
import { SEED_CNN_CONFIG, seedCnnGraph, seedCnnInputs, type SeedCnnConfig } from './seedCnn';
import type { ArchitectureName } from '../../protocol/architectures';

export { ARCHITECTURES, isArchitectureName, type ArchitectureName } from '../../protocol/architectures';

export type ArchitectureConfig = DefaultModelConfig | SeedCnnConfig;


export interface InputOptions {
  /** Longest record of the training data (seed-cnn's fixed length). */
  maxLength: number;
  /** Pair-list width for base-pair probabilities (1 for dot-brackets). */
  partnersPerPosition: number;
}

export function architectureInputs(arch: ArchitectureName, opts: InputOptions): InputSpec {
  if (arch === 'seed-cnn') return seedCnnInputs(opts.maxLength);
  return defaultModelInputs(arch === 'default', opts.partnersPerPosition);
}

export function defaultConfig(arch: ArchitectureName): ArchitectureConfig {
  if (arch === 'seed-cnn') return { ...SEED_CNN_CONFIG };
  return { ...DEFAULT_MODEL_CONFIG, messagePassing: arch === 'default' };
}

/** One network whose output column k is ensemble member k (seed seeds[k], layer prefix m<k>_). */
export function buildNetwork(arch: ArchitectureName, spec: InputSpec, config: ArchitectureConfig, seeds: number[], memberOffset = 0): tf.LayersModel {
  const inputs = makeModelInputs(spec);
  const outputs = seeds.map((seed, k) => {
    const prefix = `m${memberOffset + k}_`;
    return arch === 'seed-cnn' ? seedCnnGraph(inputs, config as SeedCnnConfig, seed, prefix) : defaultGraph(inputs, config as DefaultModelConfig, seed, prefix);
  });
  const output = outputs.length === 1 ? outputs[0]! : (tf.layers.concatenate({ name: 'members' }).apply(outputs) as tf.SymbolicTensor);
  return tf.model({ inputs: inputs.list, outputs: output, name: `basepair_${arch.replace('-', '_')}` });
}

/** Copies each trained member's weights into the matching layers of `combined` (by layer name). */
export function copyMemberWeights(combined: tf.LayersModel, members: tf.LayersModel[]): void {
  for (const member of members) {
    for (const layer of member.layers) {
      if (layer.weights.length === 0) continue;
      combined.getLayer(layer.name).setWeights(layer.getWeights());
    }
  }
}
