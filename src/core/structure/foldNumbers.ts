// A fold's numbers in the one shape the CLI's `fold --json` and the compute process's replies share
// (protocol/compute.ts FoldNumbers): from an MFE result, or from a partition-function summary.
import type { FoldNumbers } from '../../protocol/compute';

export function mfeNumbers(sequence: string, r: { structure: string; energy: number }): FoldNumbers {
  return { sequence: sequence.toUpperCase().replace(/T/g, 'U'), structure: r.structure, mfe: r.energy };
}

interface PartitionLike {
  sequence: string;
  mfe: { structure: string; energy: number };
  ensembleEnergy: number;
  mfeFrequency: number;
  diversity: number;
  centroid: { structure: string };
  mea: { structure: string };
}

/** The partition function's numbers; the MEA structure only when asked for (`fold --mea`). */
export function partitionNumbers(p: PartitionLike, withMea: boolean): FoldNumbers {
  return {
    sequence: p.sequence,
    structure: p.mfe.structure,
    mfe: p.mfe.energy,
    ensemble: p.ensembleEnergy,
    mfeFrequency: p.mfeFrequency,
    diversity: p.diversity,
    centroid: p.centroid.structure,
    ...(withMea ? { mea: p.mea.structure } : {}),
  };
}
