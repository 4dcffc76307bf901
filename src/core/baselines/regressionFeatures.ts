// Hand-made features of the "ridge on k-mer + structure" baseline (issue 4): 1-3-mer frequencies
// (84), the structure composition of encoding/structureFeatures (20: loop-type fractions, stems,
// hairpins, pair types, paired/unpaired base composition) and the length: 105 numbers per record.
// A record without a structure is treated as fully unpaired (fold it first for a fair baseline).
import { kmerFeatureCount, kmerFrequenciesInto, kmerNames } from '../encoding/kmers';
import { STRUCTURE_FEATURE_NAMES, structureFeaturesInto } from '../encoding/structureFeatures';

const KMERS = kmerFeatureCount(3);

export const REGRESSION_FEATURE_NAMES: readonly string[] = [
  ...kmerNames(3).map((k) => `freq_${k}`),
  ...STRUCTURE_FEATURE_NAMES,
  'length',
];

export const REGRESSION_FEATURE_COUNT = REGRESSION_FEATURE_NAMES.length;

export function regressionFeaturesInto(sequence: string, structure: string | undefined, out: Float32Array | Float64Array, offset = 0): void {
  kmerFrequenciesInto(sequence, out, offset, 3);
  structureFeaturesInto(structure ?? '.'.repeat(sequence.length), sequence, out, offset + KMERS);
  out[offset + REGRESSION_FEATURE_COUNT - 1] = sequence.length;
}

/** n x REGRESSION_FEATURE_COUNT row-major matrix of some records. */
export function regressionFeatureMatrix(records: readonly { sequence: string; structure?: string }[]): Float64Array {
  const p = REGRESSION_FEATURE_COUNT;
  const x = new Float64Array(records.length * p);
  records.forEach((r, i) => regressionFeaturesInto(r.sequence, r.structure, x, i * p));
  return x;
}
