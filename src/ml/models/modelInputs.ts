// Symbolic model inputs, one per InputName of the spec, created once and shared by ensemble members.
import * as tf from '../tf';
import type { InputName, InputSpec } from '../features/batchEncoder';

export interface ModelInputs {
  features: tf.SymbolicTensor;
  mask: tf.SymbolicTensor;
  pairs?: tf.SymbolicTensor;
  partners?: tf.SymbolicTensor;
  partnerWeights?: tf.SymbolicTensor;
  /** In spec order (the order of the model's inputs). */
  list: tf.SymbolicTensor[];
}

export function makeModelInputs(spec: InputSpec): ModelInputs {
  const length = spec.fixedLength ?? null;
  const k = spec.partnersPerPosition ?? 1;
  const make = (name: InputName): tf.SymbolicTensor => {
    switch (name) {
      case 'features':
        return tf.input({ shape: [length, spec.featureNames.length], name });
      case 'mask':
        return tf.input({ shape: [length], name });
      case 'pairs':
        return tf.input({ shape: [length, length], name });
      case 'partners':
        return tf.input({ shape: [length, k], name, dtype: 'int32' });
      case 'partnerWeights':
        return tf.input({ shape: [length, k], name });
    }
  };
  const byName = new Map(spec.inputs.map((n) => [n, make(n)] as const));
  const features = byName.get('features');
  if (!features) throw new Error('every model reads the features input');
  const mask = byName.get('mask') ?? tf.input({ shape: [length], name: 'mask' });
  return {
    features,
    mask,
    ...(byName.has('pairs') ? { pairs: byName.get('pairs')! } : {}),
    ...(byName.has('partners') ? { partners: byName.get('partners')!, partnerWeights: byName.get('partnerWeights')! } : {}),
    list: spec.inputs.map((n) => byName.get(n)!),
  };
}
