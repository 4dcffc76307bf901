// Folding entry points over plain data: MFE, structure evaluation, partition function with
// base-pair probabilities and ensemble summaries (MFE frequency, diversity, centroid, MEA), and
// two-strand co-folding. Energies are returned in kcal/mol, rounded to 0.01 as ViennaRNA prints
// them (computed internally as integers in dcal/mol). Model: ViennaRNA 2.7.1 defaults
// (Lorenz et al. 2011) with Turner 2004 parameters unless another parameter set is given.

import { BasePairProbabilities } from './bppMatrix';
import { fillOutside } from './basePairProbs';
import { cofoldMfe } from './cofold';
import { evaluateStructure, type LoopKind } from './evalStructure';
import { maximumExpectedAccuracy } from './mea';
import { foldMfe } from './mfe';
import { toDotBracket } from './pairTable';
import {
  boltzmannParamsFor,
  defaultParameters,
  energyParamsFor,
  type ParameterSet,
} from './parameterSet';
import { ensembleEnergyKcal, fillInside, pfScaleFromMfe } from './partitionFunction';
import { encodeSequence, normalizeSequence } from './sequence';

export interface FoldOptions {
  /** energy parameters (default: Turner 2004, ViennaRNA's default set) */
  params?: ParameterSet;
  /** temperature in °C (default 37) */
  temperature?: number;
}

export interface PartitionOptions extends FoldOptions {
  /** MEA weight of paired bases (default 1, as RNAfold --MEA) */
  gamma?: number;
}

export interface StructureEnergy {
  structure: string;
  /** kcal/mol */
  energy: number;
}

export interface LoopContribution {
  kind: LoopKind;
  /** closing pair, 1-based (0,0 for the exterior loop) */
  i: number;
  j: number;
  /** inner pair of an interior loop */
  k?: number;
  l?: number;
  /** kcal/mol */
  energy: number;
}

export interface EvalResult {
  /** kcal/mol */
  energy: number;
  /** per-loop decomposition in the order of RNAeval -v */
  loops: LoopContribution[];
  warnings: string[];
}

export interface PartitionResult {
  /** normalised sequence (upper case, U) */
  sequence: string;
  mfe: StructureEnergy;
  /** ensemble free energy -kT ln Z, kcal/mol rounded to 0.01 */
  ensembleEnergy: number;
  /** the same, unrounded */
  ensembleEnergyExact: number;
  /** Boltzmann probability of the MFE structure */
  mfeFrequency: number;
  /** mean base-pair distance 2 sum p(1-p) */
  diversity: number;
  bpp: BasePairProbabilities;
  /** pairs with p > 0.5; distance = expected bp distance to the ensemble */
  centroid: StructureEnergy & { distance: number };
  /** maximum expected accuracy structure; score = ViennaRNA's MEA value */
  mea: StructureEnergy & { score: number; gamma: number };
}

const kcal = (dcal: number) => Math.round(dcal) / 100;

function resolve(opts: FoldOptions | undefined): { set: ParameterSet; t: number } {
  return { set: opts?.params ?? defaultParameters(), t: opts?.temperature ?? 37 };
}

/** Minimum free energy structure. */
export function mfe(sequence: string, opts?: FoldOptions): StructureEnergy {
  const { set, t } = resolve(opts);
  const es = encodeSequence(sequence);
  const r = foldMfe(energyParamsFor(set, t), es);
  return { structure: toDotBracket(r.pt, es.n), energy: kcal(r.energy) };
}

/** Free energy of a given structure with its loop decomposition (sequence/structure may hold one `&`). */
export function evalStructure(sequence: string, structure: string, opts?: FoldOptions): EvalResult {
  const { set, t } = resolve(opts);
  const r = evaluateStructure(energyParamsFor(set, t), sequence, structure);
  return {
    energy: kcal(r.energy),
    loops: r.loops.map((l) => ({ ...l, energy: kcal(l.energy) })),
    warnings: r.warnings,
  };
}

/** Partition function, base-pair probabilities and the ensemble summaries RNAfold -p --MEA prints. */
export function partition(sequence: string, opts?: PartitionOptions): PartitionResult {
  const { set, t } = resolve(opts);
  const gamma = opts?.gamma ?? 1;
  const P = energyParamsFor(set, t);
  const B = boltzmannParamsFor(set, t);
  const es = encodeSequence(sequence);
  const n = es.n;
  const { energy: mfeDcal, pt: mfePt } = foldMfe(P, es);
  const mfeKcal = kcal(mfeDcal);
  const inside = fillInside(B, es, pfScaleFromMfe(Math.fround(mfeKcal), n, B.kT));
  const G = ensembleEnergyKcal(inside, B.kT);
  const kTkcal = B.kT / 1000;
  const probs = fillOutside(B, es, inside);
  const bpp = new BasePairProbabilities(n, probs);
  const centroid = bpp.centroid();
  const mea = maximumExpectedAccuracy(n, (cb) => bpp.forEach(cb), gamma);
  const evalPt = (pt: Int32Array) => {
    const s = toDotBracket(pt, n);
    return { structure: s, energy: kcal(evaluateStructure(P, es.seq, s).energy) };
  };
  return {
    sequence: es.seq,
    mfe: { structure: toDotBracket(mfePt, n), energy: mfeKcal },
    ensembleEnergy: Math.round(G * 100) / 100,
    ensembleEnergyExact: G,
    // as RNAfold: from the single-precision energies it prints
    mfeFrequency: Math.exp((Math.fround(G) - Math.fround(mfeKcal)) / kTkcal),
    diversity: bpp.diversity(),
    bpp,
    centroid: { ...evalPt(centroid.pt), distance: centroid.distance },
    mea: { ...evalPt(mea.pt), score: mea.score, gamma },
  };
}

/**
 * MFE of two interacting strands, as RNAcofold. Give the strands separately or as one string
 * `A&B`; the structure is returned as `structA&structB`.
 */
export function cofold(a: string, b?: string, opts?: FoldOptions): StructureEnergy {
  if (b === undefined) {
    const parts = a.split('&');
    if (parts.length !== 2) throw new Error('cofold expects two strands (A, B or "A&B")');
    [a, b] = parts;
  }
  const { set, t } = resolve(opts);
  const A = normalizeSequence(a);
  const Bs = normalizeSequence(b);
  const r = cofoldMfe(energyParamsFor(set, t), A, Bs);
  const s = toDotBracket(r.pt, A.length + Bs.length);
  return { structure: `${s.slice(0, A.length)}&${s.slice(A.length)}`, energy: kcal(r.energy) };
}
