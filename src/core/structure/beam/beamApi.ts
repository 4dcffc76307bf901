// Public entry points of the linear-time beam mode (LinearFold/LinearPartition style) and a check
// of its accuracy against the exact O(n^3) algorithms. Same energy model and units as fold.ts.

import { partition, type FoldOptions, type StructureEnergy } from '../fold';
import { toDotBracket } from '../pairTable';
import { boltzmannParamsFor, defaultParameters, energyParamsFor } from '../parameterSet';
import { pfScaleFromMfe } from '../partitionFunction';
import { encodeSequence } from '../sequence';
import type { BeamSizes } from './beamSizes';
import { DEFAULT_BEAM } from './beamSizes';
import { linearFold } from './linearFold';
import { linearEnsembleEnergy, linearPartition } from './linearPartition';
import { SparseBasePairProbabilities } from './sparseBpp';

export interface BeamOptions extends FoldOptions, BeamSizes {
  /** beam size N (default 100): pairs keep N states per position, multi-loop states 3N-10N */
  beam?: number;
  /** max unpaired bases before the first stem of a multi-loop (default 30, as LinearFold) */
  maxMultiLead?: number;
  /** depth of the outward look-ahead used to score pairs (default 10; 0 = plain prefix score) */
  lookahead?: number;
}

export interface BeamPartitionResult {
  sequence: string;
  beam: number;
  /** ensemble free energy of the kept states, kcal/mol rounded to 0.01 */
  ensembleEnergy: number;
  ensembleEnergyExact: number;
  /** probabilities of the pairs the beam kept (others are 0) */
  bpp: SparseBasePairProbabilities;
  diversity: number;
}

export interface BeamAccuracy {
  n: number;
  beam: number;
  /** max over all pairs of |p_beam - p_exact| */
  maxAbsDiff: number;
  /** where it occurs */
  at: { i: number; j: number; exact: number; beam: number };
  ensembleEnergyExact: number;
  ensembleEnergyBeam: number;
  exactSeconds: number;
  beamSeconds: number;
}

const kcal = (dcal: number) => Math.round(dcal) / 100;

function params(opts: BeamOptions | undefined) {
  return { set: opts?.params ?? defaultParameters(), t: opts?.temperature ?? 37 };
}

/** MFE structure by beam search (linear time); equals mfe() when nothing relevant is pruned. */
export function beamMfe(sequence: string, opts?: BeamOptions): StructureEnergy {
  const { set, t } = params(opts);
  const es = encodeSequence(sequence);
  const r = linearFold(energyParamsFor(set, t), es, opts ?? {});
  return { structure: toDotBracket(r.pt, es.n), energy: kcal(r.energy) };
}

/** Partition function and pair probabilities by beam search (linear time, sparse output). */
export function beamPartition(sequence: string, opts?: BeamOptions): BeamPartitionResult {
  const { set, t } = params(opts);
  const es = encodeSequence(sequence);
  const B = boltzmannParamsFor(set, t);
  // a rough MFE (small beam) only sets the numeric scale of the partition function
  const rough = linearFold(energyParamsFor(set, t), es, { ...opts, beam: 20 });
  const r = linearPartition(B, es, pfScaleFromMfe(rough.energy / 100, es.n, B.kT), opts ?? {});
  const G = linearEnsembleEnergy(r, B.kT);
  const bpp = new SparseBasePairProbabilities(es.n, r.pairs);
  return {
    sequence: es.seq,
    beam: opts?.beam ?? DEFAULT_BEAM,
    ensembleEnergy: Math.round(G * 100) / 100,
    ensembleEnergyExact: G,
    bpp,
    diversity: bpp.diversity(),
  };
}

/** Runs both the exact and the beam partition function and reports the largest bpp difference. */
export function beamAccuracy(sequence: string, opts?: BeamOptions): BeamAccuracy {
  let t0 = performance.now();
  const exact = partition(sequence, opts);
  const exactSeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const beam = beamPartition(sequence, opts);
  const beamSeconds = (performance.now() - t0) / 1000;
  let max = 0;
  let at = { i: 0, j: 0, exact: 0, beam: 0 };
  const consider = (i: number, j: number) => {
    const e = exact.bpp.get(i, j);
    const b = beam.bpp.get(i, j);
    if (Math.abs(e - b) > max) {
      max = Math.abs(e - b);
      at = { i, j, exact: e, beam: b };
    }
  };
  exact.bpp.forEach(consider);
  beam.bpp.forEach(consider);
  return {
    n: exact.bpp.n,
    beam: beam.beam,
    maxAbsDiff: max,
    at,
    ensembleEnergyExact: exact.ensembleEnergyExact,
    ensembleEnergyBeam: beam.ensembleEnergyExact,
    exactSeconds,
    beamSeconds,
  };
}
