// Free energy of a given nested structure, loop by loop, as RNAeval -v (ViennaRNA 2.7.1 defaults,
// dangles = 2; Lorenz et al. 2011, Turner 2004 parameters via rna_turner2004.par); hand-written, as
// no maintained TS/JS library implements this model. Two strands joined by `&` are supported: the loop that contains the strand nick
// is scored like an exterior loop (no dangles across the nick) and, when the strands are
// connected by pairs, the duplex initiation penalty is added once (as RNAcofold/RNAeval do).

import type { EnergyParams } from './energyParams';
import { exteriorStemEnergy, hairpinEnergy, interiorEnergy, multiStemEnergy } from './loopEnergy';
import { parseNested } from './pairTable';
import { PAIR_TYPE, RTYPE, encodeSequence } from './sequence';

export type LoopKind = 'exterior' | 'hairpin' | 'interior' | 'multi';

export interface LoopEnergy {
  kind: LoopKind;
  /** closing pair (1-based, i < j); 0,0 for the exterior loop */
  i: number;
  j: number;
  /** enclosed pair of an interior loop */
  k?: number;
  l?: number;
  /** dcal/mol */
  energy: number;
}

export interface EvalBreakdown {
  /** total free energy, dcal/mol */
  energy: number;
  loops: LoopEnergy[];
  /** e.g. bases that cannot pair (scored with ViennaRNA's non-standard pair type) */
  warnings: string[];
}

/** Evaluates `structure` on `sequence` (both may contain one `&`). */
export function evaluateStructure(P: EnergyParams, sequence: string, structure: string): EvalBreakdown {
  const seqAmp = sequence.indexOf('&');
  const { pt, cut } = parseNested(structure);
  const plain = seqAmp >= 0 ? sequence.slice(0, seqAmp) + sequence.slice(seqAmp + 1) : sequence;
  if (plain.length !== pt[0]) {
    throw new Error(`structure length ${pt[0]} differs from sequence length ${plain.length}`);
  }
  if ((seqAmp >= 0 ? seqAmp : 0) !== cut) throw new Error('the "&" of sequence and structure are at different positions');
  const { seq, n, S } = encodeSequence(plain);
  const warnings: string[] = [];
  const strand = (k: number) => (cut > 0 && k > cut ? 1 : 0);
  const same = (a: number, b: number) => strand(a) === strand(b);
  const typeOf = (i: number, j: number): number => {
    const t = PAIR_TYPE[S[i] * 5 + S[j]];
    if (t === 0) {
      const w = `bases ${i} and ${j} (${seq[i - 1]}${seq[j - 1]}) can't pair`;
      if (!warnings.includes(w)) warnings.push(w);
      return 7;
    }
    return t;
  };
  const ext5 = (p: number) => (p > 1 && same(p - 1, p) ? S[p - 1] : -1);
  const ext3 = (q: number) => (q < n && same(q, q + 1) ? S[q + 1] : -1);
  const loops: LoopEnergy[] = [];
  let total = 0;

  // exterior loop
  {
    let e = 0;
    for (let p = 1; p <= n; p++) {
      if (pt[p] > p) {
        const q = pt[p];
        e += exteriorStemEnergy(P, typeOf(p, q), ext5(p), ext3(q));
        p = q;
      }
    }
    loops.push({ kind: 'exterior', i: 0, j: 0, energy: e });
    total += e;
  }

  for (let i = 1; i <= n; i++) {
    const j = pt[i];
    if (j <= i) continue;
    const type = typeOf(i, j);
    const inner: [number, number][] = [];
    let nickInLoop = cut > 0 && i <= cut && j > cut;
    for (let p = i + 1; p < j; p++) {
      if (pt[p] > p) {
        inner.push([p, pt[p]]);
        if (cut > 0 && p <= cut && pt[p] > cut) nickInLoop = false;
        p = pt[p];
      }
    }
    let e: number;
    let kind: LoopKind;
    if (nickInLoop) {
      // loop containing the strand nick: exterior-loop rules, plus duplex initiation
      kind = 'exterior';
      e = P.duplexInit + exteriorStemEnergy(P, RTYPE[type], same(j - 1, j) ? S[j - 1] : -1, same(i, i + 1) ? S[i + 1] : -1);
      for (const [p, q] of inner) e += exteriorStemEnergy(P, typeOf(p, q), ext5(p), ext3(q));
    } else if (inner.length === 0) {
      kind = 'hairpin';
      e = hairpinEnergy(P, j - i - 1, type, S[i + 1], S[j - 1], seq.slice(i - 1, j));
    } else if (inner.length === 1) {
      kind = 'interior';
      const [p, q] = inner[0];
      const type2 = RTYPE[typeOf(p, q)];
      e = interiorEnergy(P, p - i - 1, j - q - 1, type, type2, S[i + 1], S[j - 1], S[p - 1], S[q + 1]);
    } else {
      kind = 'multi';
      e = P.mlClosing + multiStemEnergy(P, RTYPE[type], S[j - 1], S[i + 1]);
      let unpaired = j - i - 1;
      for (const [p, q] of inner) {
        e += multiStemEnergy(P, typeOf(p, q), S[p - 1], S[q + 1]);
        unpaired -= q - p + 1;
      }
      e += unpaired * P.mlBase;
    }
    const loop: LoopEnergy = { kind, i, j, energy: e };
    if (kind === 'interior') {
      loop.k = inner[0][0];
      loop.l = inner[0][1];
    }
    loops.push(loop);
    total += e;
  }
  return { energy: total, loops, warnings };
}
