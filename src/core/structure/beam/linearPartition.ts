// Linear-time partition function and base-pair probabilities with beam pruning, in the style of
// LinearPartition (Zhang, Huang et al. 2020, Bioinformatics 36:i258) but hand-written for this
// project (no maintained TS/JS implementation exists) and using exactly the ViennaRNA 2.7.1 energy
// model of the exact engine (Lorenz et al. 2011; Turner 2004 via rna_turner2004.par, dangles = 2).
// Left-to-right over j, with states ending at j:
//   P(i,j)     pair (i,j)                     (hairpin / interior / multi-loop)
//   M(i,j)     multi-loop part, first stem starts at i, >= 1 stem, trailing unpaired
//   M2(i,j)    multi-loop part with >= 2 stems, the last one ending at j
//   Multi(p,j) p = 5' base of a closing pair, [p+1, j] = unpaired* M2 unpaired*
//   C(j)       exterior loop of the prefix 1..j (never pruned)
// Each state type keeps its best states per j (beamSizes.ts) by inside * C(i-1), except that pairs
// (and hairpin candidates, enumerated as per-i chains) are scored with a look-ahead along the best
// outward chain of stacks/small loops: on long random RNAs the plain prefix score drops inner
// helix pairs of the dominant structures. The outside pass walks the kept hyperedges in reverse. With an unlimited beam and `maxMultiLead` >= n the result equals the exact algorithm;
// by default (as LinearFold/LinearPartition) at most 30 unpaired bases may precede the first stem
// of a multi-loop. Values are scaled like the exact algorithm (pfScale^-length).

import type { BoltzmannParams } from '../boltzmannParams';
import * as lb from '../loopBoltzmann';
import * as raw from '../params/rawParams';
import { partnerLists } from '../partnerLists';
import { hairpinWeight, interiorShapes } from '../partitionFunction';
import * as sequence from '../sequence';
import type { EncodedSequence } from '../sequence';
import { beamThreshold } from './beamPrune';
import { resolveBeams, type BeamSizes } from './beamSizes';

const MAXLOOP = raw.MAXLOOP;
const PAIR_TYPE = sequence.PAIR_TYPE;
const RTYPE = sequence.RTYPE;
const expInterior = lb.expInterior;
const expExteriorStem = lb.expExteriorStem;
const expMultiStem = lb.expMultiStem;
const RING = MAXLOOP + 3;
/** default look-ahead depth (stacks / small loops) of the pair scores */
const LOOKAHEAD = 10;

export interface LinearPartitionOptions extends BeamSizes {
  /** base beam size N (default 100); <= 0 means unlimited */
  beam?: number;
  /** max unpaired bases before the first stem inside a multi-loop (default 30) */
  maxMultiLead?: number;
  /** look-ahead depth of the pair scores (default 10; 0 = plain LinearPartition scores) */
  lookahead?: number;
}

export interface LinearPartitionRaw {
  n: number;
  /** scaled partition function C(n) */
  z: number;
  pfScale: number;
  /** pair probabilities of the kept pairs */
  pairs: { i: number; j: number; p: number }[];
}

/** A dense accumulator over positions 1..n with the list of touched indices. */
class Accumulator {
  readonly v: Float64Array;
  readonly idx: Int32Array;
  count = 0;
  constructor(n: number) {
    this.v = new Float64Array(n + 2);
    this.idx = new Int32Array(n + 2);
  }
  add(i: number, x: number): void {
    if (this.v[i] === 0) {
      if (x === 0) return;
      this.idx[this.count++] = i;
    }
    this.v[i] += x;
  }
  clear(): void {
    for (let k = 0; k < this.count; k++) this.v[this.idx[k]] = 0;
    this.count = 0;
  }
}

interface Kept {
  i: Int32Array;
  v: Float64Array;
}

const NO_VALUES = new Float64Array(0);
const EMPTY: Kept = { i: new Int32Array(0), v: NO_VALUES };

export function linearPartition(
  B: BoltzmannParams,
  es: EncodedSequence,
  pfScale: number,
  opts: LinearPartitionOptions = {},
): LinearPartitionRaw {
  const n = es.n;
  const S = es.S;
  const beams = resolveBeams(opts);
  const lead = opts.maxMultiLead ?? MAXLOOP;
  const s1 = 1 / pfScale;
  const scale = new Float64Array(n + 3);
  const bK = new Float64Array(n + 3); // expMLbase^k * scale[k]
  scale[0] = 1;
  bK[0] = 1;
  for (let k = 1; k <= n + 2; k++) {
    scale[k] = scale[k - 1] * s1;
    bK[k] = bK[k - 1] * B.expMLbase * s1;
  }
  const b1 = bK[1];
  const mlClose = B.expMLclosing * scale[2];
  const pl = partnerLists(es);
  const plStart = pl.start;
  const plQ = pl.q;
  const plType = pl.type;
  const plOuter = pl.outerMm;
  const lastPartner = new Int32Array(n + 2);
  for (let p = 1; p <= n; p++) lastPartner[p] = plStart[p + 1] > plStart[p] ? plQ[plStart[p + 1] - 1] : 0;
  const shapes = interiorShapes(B, scale, n + 1);
  const { shape, loopZ, W } = shapes;
  const expMmI = B.expMismatchI;
  const expMm1nI = B.expMismatch1nI;

  const z5 = new Float64Array(n + 1);
  z5[0] = 1;
  const keptP: Kept[] = new Array(n + 2).fill(EMPTY);
  const keptM: Kept[] = new Array(n + 2).fill(EMPTY);
  const keptM2: Kept[] = new Array(n + 2).fill(EMPTY);
  const keptMulti: Kept[] = new Array(n + 2).fill(EMPTY);
  const candP: Accumulator[] = Array.from({ length: RING }, () => new Accumulator(n));
  let curM = new Accumulator(n);
  let nextM = new Accumulator(n);
  let curMulti = new Accumulator(n);
  let nextMulti = new Accumulator(n);
  const m2 = new Accumulator(n);
  const scores = new Float64Array(n + 2);
  const scratch = new Float64Array(n + 2);
  // hairpin chains: hAt[j] lists the i whose next hairpin candidate is (i,j)
  const hAt: number[][] = Array.from({ length: n + 2 }, () => []);
  const hIdx = new Int32Array(n + 2);
  for (let i = 1; i <= n; i++) {
    if (plStart[i + 1] > plStart[i]) {
      hIdx[i] = plStart[i];
      hAt[plQ[plStart[i]]].push(i);
    }
  }
  const ptr = Int32Array.from(plStart); // first partner of i' above the current j

  /** Keeps the states of `acc` whose score(i, value) is among the `beam` best (and > 0). */
  const prune = (acc: Accumulator, beam: number, score: (i: number, v: number) => number): Kept => {
    const cnt = acc.count;
    if (cnt === 0) return EMPTY;
    for (let k = 0; k < cnt; k++) {
      const i = acc.idx[k];
      scores[k] = cnt > beam ? score(i, acc.v[i]) : acc.v[i];
    }
    const thr = beamThreshold(scores, cnt, beam, scratch);
    let m = 0;
    for (let k = 0; k < cnt; k++) if (scores[k] >= thr && scores[k] > 0) m++;
    const out: Kept = { i: new Int32Array(m), v: new Float64Array(m) };
    m = 0;
    for (let k = 0; k < cnt; k++) {
      if (scores[k] >= thr && scores[k] > 0) {
        const i = acc.idx[k];
        out.i[m] = i;
        out.v[m++] = acc.v[i];
      }
    }
    return out;
  };
  /** LinearPartition's score: inside * prefix partition function C(i-1) */
  const prefixScore = (i: number, v: number) => v * z5[i - 1];
  // Look-ahead for pairs: P(i,j) is scored as if it could be extended outwards by a chain of up
  // to LOOKAHEAD stacks or small loops (<= 2 unpaired), each step chosen greedily; the score is the
  // best prefix * chain weight along the chain (compared on the scale of [1..j]). Without this,
  // inner pairs of long helices lose against pairs that only look good in the prefix ensemble.
  const lookDepth = opts.lookahead ?? LOOKAHEAD;
  const expStack = B.expStack;
  const expInt11 = B.expInt11;
  const bulge1 = B.expBulge[1];
  const bulge2 = B.expBulge[2];
  const termAU = B.expTermAU;
  const pairScore = (i: number, j: number, v: number): number => {
    let best = z5[i - 1];
    let w = 1;
    let ci = i;
    let cj = j;
    for (let t = 0; t < lookDepth; t++) {
      const tIn = RTYPE[PAIR_TYPE[S[ci] * 5 + S[cj]]];
      let bv = 0;
      let bf = 0;
      let bp = 0;
      let bq = 0;
      for (let a = 0; a <= 2; a++) {
        const p = ci - 1 - a;
        if (p < 1) break;
        for (let b = 0; a + b <= 2; b++) {
          const q = cj + 1 + b;
          if (q > n) break;
          const ty = PAIR_TYPE[S[p] * 5 + S[q]];
          if (ty === 0) continue;
          // stack, bulge 1, 1x1 or bulge 2 (the loops of up to 2 unpaired bases), as expInterior
          let f: number;
          const u = a + b;
          if (u === 0) f = expStack[ty * 8 + tIn];
          else if (u === 1) f = bulge1 * expStack[ty * 8 + tIn];
          else if (a === 1) f = expInt11[((ty * 8 + tIn) * 5 + S[p + 1]) * 5 + S[q - 1]];
          else f = bulge2 * (ty > 2 ? termAU : 1) * (tIn > 2 ? termAU : 1);
          f *= scale[a + 1];
          const val = f * z5[p - 1];
          if (val > bv) {
            bv = val;
            bf = f;
            bp = p;
            bq = q;
          }
        }
      }
      if (bv === 0) break;
      w *= bf;
      ci = bp;
      cj = bq;
      const cand = w * z5[ci - 1];
      if (cand > best) best = cand;
    }
    return v * best;
  };

  for (let j = 1; j <= n; j++) {
    const sj = S[j];
    const sj1 = j < n ? S[j + 1] : -1;
    z5[j] = z5[j - 1] * s1;
    const cP = candP[j % RING];

    // (1) hairpins (i,j) of the live chains, pruned like the other beams
    const hs = hAt[j];
    if (hs.length > 0) {
      const w = new Float64Array(hs.length);
      for (let k = 0; k < hs.length; k++) {
        const i = hs[k];
        w[k] = j - i - 1 >= 3 ? hairpinWeight(B, es, i, j, PAIR_TYPE[S[i] * 5 + sj]) * scale[j - i + 1] : 0;
        scores[k] = hs.length > beams.pair ? pairScore(i, j, w[k]) : w[k];
      }
      const thr = beamThreshold(scores, hs.length, beams.pair, scratch);
      for (let k = 0; k < hs.length; k++) {
        if (scores[k] < thr || scores[k] <= 0) continue;
        const i = hs[k];
        cP.add(i, w[k]);
        const nx = ++hIdx[i];
        if (nx < plStart[i + 1]) hAt[plQ[nx]].push(i);
      }
      hAt[j] = [];
    }

    // (2) pairs ending at j
    const P = prune(cP, beams.pair, (i, v) => pairScore(i, j, v));
    cP.clear();
    keptP[j] = P;

    // (3) pair -> exterior, multi-loop stem, M2, enclosing interior loops
    for (let t = 0; t < P.i.length; t++) {
      const i = P.i[t];
      const v = P.v[t];
      const type = PAIR_TYPE[S[i] * 5 + sj];
      const n5 = i > 1 ? S[i - 1] : -1;
      z5[j] += z5[i - 1] * v * expExteriorStem(B, type, n5, sj1);
      const stem = v * expMultiStem(B, type, S[i - 1], S[j + 1]);
      curM.add(i, stem);
      if (i > 1) {
        const Mk = keptM[i - 1];
        const mi = Mk.i;
        const mv = Mk.v;
        const m2v = m2.v;
        const m2idx = m2.idx;
        let c = m2.count;
        for (let u = 0; u < mi.length; u++) {
          const k = mi[u];
          if (m2v[k] === 0) m2idx[c++] = k;
          m2v[k] += mv[u] * stem;
        }
        m2.count = c;
      }
      const type2 = RTYPE[type];
      const si1 = S[i - 1];
      const sjn = S[j + 1];
      const mmInner = expMmI[type2 * 25 + sjn * 5 + si1];
      const mm1nInner = expMm1nI[type2 * 25 + sjn * 5 + si1];
      for (let d = 1; d <= MAXLOOP + 1 && i - d >= 1; d++) {
        const ip = i - d;
        const u1 = d - 1;
        const maxJ = Math.min(n, j + 1 + MAXLOOP - u1);
        let a = ptr[ip];
        const end = plStart[ip + 1];
        while (a < end && plQ[a] <= j) a++;
        ptr[ip] = a;
        const sip1 = S[ip + 1];
        for (; a < end; a++) {
          const jp = plQ[a];
          if (jp > maxJ) break;
          const u2 = jp - j - 1;
          const sk = u1 * W + u2;
          const kind = shape[sk];
          let z: number;
          if (kind === 0) z = loopZ[sk] * expMmI[plOuter[a]] * mmInner;
          else if (kind === 1) z = loopZ[sk] * expMm1nI[plOuter[a]] * mm1nInner;
          else z = expInterior(B, u1, u2, plType[a], type2, sip1, S[jp - 1], si1, sjn) * scale[u1 + u2 + 2];
          const acc = candP[jp % RING];
          const av = acc.v;
          if (av[ip] === 0) acc.idx[acc.count++] = ip;
          av[ip] += v * z;
        }
      }
    }

    // (4) M2 -> M, Multi
    const M2 = prune(m2, beams.multi2, prefixScore);
    m2.clear();
    keptM2[j] = { i: M2.i, v: NO_VALUES }; // the outside pass needs only the positions
    for (let t = 0; t < M2.i.length; t++) {
      const k = M2.i[t];
      const v = M2.v[t];
      curM.add(k, v);
      const pMin = Math.max(1, k - 1 - lead);
      for (let p = k - 1; p >= pMin; p--) if (lastPartner[p] > j) curMulti.add(p, v * bK[k - p - 1]);
    }

    // (5) M: keep, extend by an unpaired base
    const M = prune(curM, beams.multi, prefixScore);
    curM.clear();
    keptM[j] = M;
    if (j < n) for (let t = 0; t < M.i.length; t++) nextM.add(M.i[t], M.v[t] * b1);

    // (6) Multi: keep, close with (p, j+1), extend
    const Mu = prune(curMulti, beams.multiLoop, prefixScore);
    curMulti.clear();
    keptMulti[j] = { i: Mu.i, v: NO_VALUES };
    if (j < n) {
      const cNext = candP[(j + 1) % RING];
      for (let t = 0; t < Mu.i.length; t++) {
        const p = Mu.i[t];
        const v = Mu.v[t];
        const type = PAIR_TYPE[S[p] * 5 + S[j + 1]];
        if (type !== 0 && j - p >= 3) cNext.add(p, v * mlClose * expMultiStem(B, RTYPE[type], S[j], S[p + 1]));
        if (lastPartner[p] > j + 1) nextMulti.add(p, v * b1);
      }
    }
    let x = curM;
    curM = nextM;
    nextM = x;
    x = curMulti;
    curMulti = nextMulti;
    nextMulti = x;
  }

  const Z = z5[n];
  const pairs = beamOutside(B, {
    n, S, z5, scale, bK, b1, mlClose, lead, keptP, keptM, keptM2, keptMulti, plStart, plQ, plType, plOuter, lastPartner, shapes,
  }, Z);
  return { n, z: Z, pfScale, pairs };
}

interface InsideState {
  n: number;
  S: Int8Array;
  z5: Float64Array;
  scale: Float64Array;
  bK: Float64Array;
  b1: number;
  mlClose: number;
  lead: number;
  keptP: Kept[];
  keptM: Kept[];
  keptM2: Kept[];
  keptMulti: Kept[];
  plStart: Int32Array;
  plQ: Int32Array;
  plType: Int8Array;
  plOuter: Int32Array;
  lastPartner: Int32Array;
  shapes: { shape: Int8Array; loopZ: Float64Array; W: number };
}

function beamOutside(B: BoltzmannParams, st: InsideState, Z: number): { i: number; j: number; p: number }[] {
  const { n, S, z5, scale, bK, b1, mlClose, lead, keptP, keptM, keptM2, keptMulti, plStart, plQ, plType, plOuter, lastPartner, shapes } = st;
  const { shape, loopZ, W } = shapes;
  const expMmI = B.expMismatchI;
  const expMm1nI = B.expMismatch1nI;
  const out: { i: number; j: number; p: number }[] = [];
  if (n === 0 || Z === 0) return out;
  const cHat = new Float64Array(n + 2);
  cHat[n] = 1;
  const mHatAcc: Float64Array[] = keptM.map((k) => new Float64Array(k.i.length)); // from step-3 edges
  const hatRing: Float64Array[] = Array.from({ length: RING }, () => new Float64Array(n + 2));
  // hatP[d] = outside values of the pairs ending at j + d (d = 0 .. RING-1)
  const hatP: Float64Array[] = new Array(RING);
  let hatMcur = new Float64Array(n + 2);
  let hatMnext = new Float64Array(n + 2);
  let hatMuCur = new Float64Array(n + 2);
  let hatMuNext = new Float64Array(n + 2);
  const hatM2 = new Float64Array(n + 2);
  // ptrB[i-1] = first index of i's partners above the current j (moves down as j decreases)
  const ptrB = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) ptrB[i - 1] = plStart[i + 1];

  for (let j = n; j >= 1; j--) {
    for (let d = 0; d < RING; d++) hatP[d] = hatRing[(j + d) % RING];
    const slot = hatP[0];
    // the slot held position j + RING: clear it
    if (j + RING <= n) for (const i of keptP[j + RING].i) slot[i] = 0;
    const sj1 = j < n ? S[j + 1] : -1;

    // (r6) Multi(p,j) -> P(p,j+1), Multi(p,j+1)
    const Mu = keptMulti[j];
    for (let t = 0; t < Mu.i.length; t++) {
      const p = Mu.i[t];
      let h = 0;
      if (j < n) {
        const type = PAIR_TYPE[S[p] * 5 + S[j + 1]];
        if (type !== 0 && j - p >= 3) h += hatP[1][p] * mlClose * expMultiStem(B, RTYPE[type], S[j], S[p + 1]);
        if (lastPartner[p] > j + 1) h += hatMuNext[p] * b1;
      }
      hatMuCur[p] = h;
    }
    // (r5) M(i,j) -> M(i,j+1)
    const M = keptM[j];
    const mAcc = mHatAcc[j];
    for (let t = 0; t < M.i.length; t++) {
      const i = M.i[t];
      hatMcur[i] = mAcc[t] + (j < n ? hatMnext[i] * b1 : 0);
    }
    // (r4) M2(k,j) -> M(k,j), Multi(p,j)
    const M2 = keptM2[j];
    for (let t = 0; t < M2.i.length; t++) {
      const k = M2.i[t];
      let h = hatMcur[k];
      const pMin = Math.max(1, k - 1 - lead);
      for (let p = k - 1; p >= pMin; p--) if (lastPartner[p] > j) h += hatMuCur[p] * bK[k - p - 1];
      hatM2[k] = h;
    }
    // (r3) P(i,j) -> C(j), M(i,j), M2(k,j), enclosing interior loops
    const P = keptP[j];
    for (let t = 0; t < P.i.length; t++) {
      const i = P.i[t];
      const v = P.v[t];
      const type = PAIR_TYPE[S[i] * 5 + S[j]];
      const ext = expExteriorStem(B, type, i > 1 ? S[i - 1] : -1, sj1);
      const stemW = expMultiStem(B, type, S[i - 1], S[j + 1]);
      let h = cHat[j] * z5[i - 1] * ext + hatMcur[i] * stemW;
      cHat[i - 1] += cHat[j] * v * ext;
      if (i > 1) {
        const Mk = keptM[i - 1];
        const acc = mHatAcc[i - 1];
        for (let u = 0; u < Mk.i.length; u++) {
          const hm2 = hatM2[Mk.i[u]];
          if (hm2 === 0) continue;
          h += hm2 * Mk.v[u] * stemW;
          acc[u] += hm2 * v * stemW;
        }
      }
      const type2 = RTYPE[type];
      const si1 = S[i - 1];
      const sjn = S[j + 1];
      const mmInner = expMmI[type2 * 25 + sjn * 5 + si1];
      const mm1nInner = expMm1nI[type2 * 25 + sjn * 5 + si1];
      for (let d = 1; d <= MAXLOOP + 1 && i - d >= 1; d++) {
        const ip = i - d;
        const u1 = d - 1;
        const maxJ = Math.min(n, j + 1 + MAXLOOP - u1);
        let a = ptrB[ip - 1];
        const s0 = plStart[ip];
        while (a > s0 && plQ[a - 1] > j) a--;
        ptrB[ip - 1] = a;
        const end = plStart[ip + 1];
        const sip1 = S[ip + 1];
        for (; a < end; a++) {
          const jp = plQ[a];
          if (jp > maxJ) break;
          const hp = hatP[jp - j][ip];
          if (hp === 0) continue;
          const u2 = jp - j - 1;
          const sk = u1 * W + u2;
          const kind = shape[sk];
          let z: number;
          if (kind === 0) z = loopZ[sk] * expMmI[plOuter[a]] * mmInner;
          else if (kind === 1) z = loopZ[sk] * expMm1nI[plOuter[a]] * mm1nInner;
          else z = expInterior(B, u1, u2, plType[a], type2, sip1, S[jp - 1], si1, sjn) * scale[u1 + u2 + 2];
          h += hp * z;
        }
      }
      slot[i] = h;
      const prob = (v * h) / Z;
      if (prob > 0) out.push({ i, j, p: prob });
    }
    // (r7) C(j) -> C(j-1)
    cHat[j - 1] += cHat[j] * scale[1];

    // rotate dense outside arrays: clear the values of position j+1, keep those of j as "next"
    if (j < n) {
      for (const i of keptM[j + 1].i) hatMnext[i] = 0;
      for (const p of keptMulti[j + 1].i) hatMuNext[p] = 0;
    }
    for (const k of M2.i) hatM2[k] = 0;
    let x = hatMnext;
    hatMnext = hatMcur;
    hatMcur = x;
    x = hatMuNext;
    hatMuNext = hatMuCur;
    hatMuCur = x;
  }
  return out;
}

/** Ensemble free energy (kcal/mol) of a beam result. */
export function linearEnsembleEnergy(r: LinearPartitionRaw, kT: number): number {
  return ((-Math.log(r.z) - r.n * Math.log(r.pfScale)) * kT) / 1000;
}
