// Public API of the folding engine (core/structure): plain data in and out, no vscode/tfjs.
// A pure TypeScript re-implementation of ViennaRNA 2.7.1's default model (Lorenz et al. 2011,
// Algorithms Mol Biol 6:26; Turner 2004 parameters as distributed in rna_turner2004.par), written by
// hand because no maintained TS/JS library provides it. See fold.ts, beam/ and parameterSet.ts.

export {
  mfe,
  evalStructure,
  partition,
  cofold,
  type FoldOptions,
  type PartitionOptions,
  type PartitionResult,
  type StructureEnergy,
  type EvalResult,
  type LoopContribution,
} from './fold';
export { BasePairProbabilities, type PairProbability } from './bppMatrix';
export {
  defaultParameters,
  loadParameterFile,
  parseParameters,
  type ParameterSet,
  type LoadedParameters,
} from './parameterSet';
export { ParameterFileError } from './params/parFile';
export {
  beamMfe,
  beamPartition,
  beamAccuracy,
  type BeamOptions,
  type BeamPartitionResult,
  type BeamAccuracy,
} from './beam/beamApi';
export { SparseBasePairProbabilities } from './beam/sparseBpp';
export { beamPartitionSummary, type BeamPartitionSummary } from './beam/beamSummary';
export { setKernelBackend, kernelBackend, type KernelBackend } from './kernels';
export type { LoopKind } from './evalStructure';
