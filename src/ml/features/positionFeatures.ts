// Per-position input channels of the default and sequence-only models, computed once per record:
//   base      A C G U one-hot (core/encoding/oneHot: T = U, IUPAC codes as probability vectors)
//   structure paired (1/0, or P(paired) from base-pair probabilities), the unpaired loop type one-hot
//             H B I M X E (core/encoding/structureFeatures loopTypes; of the given structure, or of the
//             pairs with p > 0.5), helix end (paired, and not stacked on both sides)
//   position  distance to the 5' and 3' ends (each capped at 100 nt, / 100) and relative position i/(L-1)
// The channel names are stored in the model card so that prediction builds the same inputs.
import { ONE_HOT_TABLE } from '../../core/encoding/oneHot';
import { loopTypes } from '../../core/encoding/structureFeatures';
import type { StructureInput } from './structureInput';
import { partnerTable } from './structureInput';

export const BASE_CHANNELS = ['A', 'C', 'G', 'U'] as const;
export const UNPAIRED_LOOP_TYPES = ['H', 'B', 'I', 'M', 'X', 'E'] as const;
export const STRUCTURE_CHANNELS = ['paired', ...UNPAIRED_LOOP_TYPES.map((t) => `loop_${t}`), 'helix_end'] as const;
export const POSITION_CHANNELS = ['dist5', 'dist3', 'relpos'] as const;

/** Which channel groups a model reads. */
export interface FeatureSet {
  structure: boolean;
  position: boolean;
}

export function featureNames(set: FeatureSet): string[] {
  return [...BASE_CHANNELS, ...(set.structure ? STRUCTURE_CHANNELS : []), ...(set.position ? POSITION_CHANNELS : [])];
}

/** [L * F] channels of one record, F = featureNames(set).length, row-major by position. */
export function positionFeatures(sequence: string, structure: StructureInput | undefined, set: FeatureSet): Float32Array {
  const length = sequence.length;
  const width = featureNames(set).length;
  const out = new Float32Array(length * width);
  for (let i = 0; i < length; i++) {
    const code = sequence.charCodeAt(i);
    if (code < 128) for (let b = 0; b < 4; b++) out[i * width + b] = ONE_HOT_TABLE[code * 4 + b]!;
  }
  let offset = BASE_CHANNELS.length;
  if (set.structure) {
    if (!structure) throw new Error('a structure-aware model needs a structure for every record');
    const { partner, pairedProbability, dotBracket } = partnerTable(structure, length);
    const loops = loopTypes(dotBracket);
    for (let i = 0; i < length; i++) {
      const row = i * width + offset;
      out[row] = pairedProbability[i]!;
      const t = UNPAIRED_LOOP_TYPES.indexOf(loops[i] as (typeof UNPAIRED_LOOP_TYPES)[number]);
      if (t >= 0) out[row + 1 + t] = 1;
      const j = partner[i]!;
      if (j >= 0) {
        const stackedBefore = i > 0 && partner[i - 1] === j + 1;
        const stackedAfter = i + 1 < length && partner[i + 1] === j - 1;
        if (!stackedBefore || !stackedAfter) out[row + 1 + UNPAIRED_LOOP_TYPES.length] = 1;
      }
    }
    offset += STRUCTURE_CHANNELS.length;
  }
  if (set.position) {
    for (let i = 0; i < length; i++) {
      const row = i * width + offset;
      out[row] = Math.min(i, 100) / 100;
      out[row + 1] = Math.min(length - 1 - i, 100) / 100;
      out[row + 2] = length > 1 ? i / (length - 1) : 0;
    }
  }
  return out;
}
