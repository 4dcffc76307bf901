// The ensemble summaries RNAfold -p prints, computed from the beam mode (`fold --beam N --pf`): MFE
// by beam search, ensemble energy and pair probabilities from the beam partition function, then the
// MFE frequency, diversity, centroid and MEA structure from those probabilities, as fold.ts does
// for the exact algorithms. The beam keeps only part of the ensemble: results approach the exact
// ones as N grows (see beamAccuracy).
import { evaluateStructure } from '../evalStructure';
import { GASCONST, K0 } from '../energyParams';
import type { PartitionOptions } from '../fold';
import { maximumExpectedAccuracy } from '../mea';
import { toDotBracket } from '../pairTable';
import { defaultParameters, energyParamsFor } from '../parameterSet';
import { encodeSequence } from '../sequence';
import { beamMfe, beamPartition, type BeamOptions } from './beamApi';
import type { SparseBasePairProbabilities } from './sparseBpp';

export interface BeamPartitionSummary {
  sequence: string;
  beam: number;
  mfe: { structure: string; energy: number };
  ensembleEnergy: number;
  ensembleEnergyExact: number;
  mfeFrequency: number;
  diversity: number;
  bpp: SparseBasePairProbabilities;
  centroid: { structure: string; energy: number; distance: number };
  mea: { structure: string; energy: number; score: number; gamma: number };
}

export function beamPartitionSummary(sequence: string, opts: BeamOptions & Pick<PartitionOptions, 'gamma'> = {}): BeamPartitionSummary {
  const set = opts.params ?? defaultParameters();
  const t = opts.temperature ?? 37;
  const P = energyParamsFor(set, t);
  const es = encodeSequence(sequence);
  const n = es.n;
  const mfe = beamMfe(sequence, opts);
  const pf = beamPartition(sequence, opts);
  const kTkcal = ((t + K0) * GASCONST) / 1000;
  const energyOf = (pt: Int32Array) => {
    const structure = toDotBracket(pt, n);
    return { structure, energy: Math.round(evaluateStructure(P, es.seq, structure).energy) / 100 };
  };
  const centroidPt = new Int32Array(n + 1);
  centroidPt[0] = n;
  let distance = 0;
  pf.bpp.forEach((i, j, p) => {
    if (p > 0.5) {
      centroidPt[i] = j;
      centroidPt[j] = i;
      distance += 1 - p;
    } else distance += p;
  });
  const gamma = opts.gamma ?? 1;
  const mea = maximumExpectedAccuracy(n, (cb) => pf.bpp.forEach(cb), gamma);
  return {
    sequence: pf.sequence,
    beam: pf.beam,
    mfe,
    ensembleEnergy: pf.ensembleEnergy,
    ensembleEnergyExact: pf.ensembleEnergyExact,
    mfeFrequency: Math.exp((pf.ensembleEnergyExact - mfe.energy) / kTkcal),
    diversity: pf.diversity,
    bpp: pf.bpp,
    centroid: { ...energyOf(centroidPt), distance },
    mea: { ...energyOf(mea.pt), score: mea.score, gamma },
  };
}
