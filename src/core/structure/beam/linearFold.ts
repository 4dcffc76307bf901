// Linear-time MFE folding with beam pruning in the style of LinearFold (Huang et al. 2019,
// Bioinformatics 35:i295), hand-written for this project (no maintained TS/JS implementation) with
// the exact engine's ViennaRNA 2.7.1 energy model (Lorenz et al. 2011; Turner 2004 parameters via
// rna_turner2004.par). Same states as linearPartition.ts (P, M, M2, Multi, C) in the min-plus
// semiring with back-pointers; each state type keeps its best states per position (beamSizes.ts)
// by energy + F5(i-1), pairs with the same outward look-ahead as the partition function. With an
// unlimited beam and maxMultiLead >= n the energy equals the exact MFE. Energies are integers in dcal/mol.

import type { EnergyParams } from '../energyParams';
import * as loops from '../loopEnergy';
import * as raw from '../params/rawParams';
import { partnerLists } from '../partnerLists';
import * as sequence from '../sequence';
import type { EncodedSequence } from '../sequence';
import { beamThreshold } from './beamPrune';
import { resolveBeams, type BeamSizes } from './beamSizes';

const MAXLOOP = raw.MAXLOOP;
const INF = raw.INF;
const PAIR_TYPE = sequence.PAIR_TYPE;
const RTYPE = sequence.RTYPE;
const interiorEnergy = loops.interiorEnergy;
const exteriorStemEnergy = loops.exteriorStemEnergy;
const multiStemEnergy = loops.multiStemEnergy;
const hairpinEnergy = loops.hairpinEnergy;
const RING = MAXLOOP + 3;

// back-pointer kinds
const BP_HAIRPIN = 1;
const BP_INTERIOR = 2; // a = p, b = q
const BP_MULTI = 3; // P(i,j) closes Multi(i,j-1)
const BP_STEM = 4; // M(i,j) from P(i,j)
const BP_FROM_M2 = 5; // M(i,j) from M2(i,j)
const BP_UNPAIRED = 6; // M(i,j) from M(i,j-1), Multi(p,j) from Multi(p,j-1)
const BP_SPLIT = 7; // M2(k,j) = M(k,a-1) + P(a,j)
const BP_LEAD = 8; // Multi(p,j) from M2(a,j)

export interface LinearFoldOptions extends BeamSizes {
  /** base beam size N (default 100); <= 0 means unlimited */
  beam?: number;
  /** max unpaired bases before the first stem inside a multi-loop (default 30) */
  maxMultiLead?: number;
  /** look-ahead depth of the pair scores (default 10; 0 = plain LinearFold scores) */
  lookahead?: number;
}

const LOOKAHEAD = 10;

class MinAccumulator {
  readonly v: Int32Array;
  readonly kind: Int8Array;
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly idx: Int32Array;
  count = 0;
  constructor(n: number) {
    this.v = new Int32Array(n + 2).fill(INF);
    this.kind = new Int8Array(n + 2);
    this.a = new Int32Array(n + 2);
    this.b = new Int32Array(n + 2);
    this.idx = new Int32Array(n + 2);
  }
  update(i: number, e: number, kind: number, a: number, b: number): void {
    const cur = this.v[i];
    if (cur === INF) this.idx[this.count++] = i;
    if (e < cur) {
      this.v[i] = e;
      this.kind[i] = kind;
      this.a[i] = a;
      this.b[i] = b;
    }
  }
  clear(): void {
    for (let k = 0; k < this.count; k++) this.v[this.idx[k]] = INF;
    this.count = 0;
  }
}

/** Kept states of one type at one position, with back-pointers; `at` maps i -> slot. */
interface KeptStates {
  i: Int32Array;
  v: Int32Array;
  kind: Int8Array;
  a: Int32Array;
  b: Int32Array;
}

const NONE: KeptStates = {
  i: new Int32Array(0),
  v: new Int32Array(0),
  kind: new Int8Array(0),
  a: new Int32Array(0),
  b: new Int32Array(0),
};

export interface LinearFoldRaw {
  /** dcal/mol */
  energy: number;
  pt: Int32Array;
}

export function linearFold(P: EnergyParams, es: EncodedSequence, opts: LinearFoldOptions = {}): LinearFoldRaw {
  const n = es.n;
  const S = es.S;
  const beams = resolveBeams(opts);
  const lead = opts.maxMultiLead ?? MAXLOOP;
  const lookDepth = opts.lookahead ?? LOOKAHEAD;
  const pl = partnerLists(es);
  const plStart = pl.start;
  const plQ = pl.q;
  const plType = pl.type;
  const lastPartner = new Int32Array(n + 2);
  for (let p = 1; p <= n; p++) lastPartner[p] = plStart[p + 1] > plStart[p] ? plQ[plStart[p + 1] - 1] : 0;
  const f5 = new Int32Array(n + 1);
  const f5From = new Int32Array(n + 1); // 0: j unpaired, else i of the pair (i,j)
  const keptP: KeptStates[] = new Array(n + 2).fill(NONE);
  const keptM: KeptStates[] = new Array(n + 2).fill(NONE);
  const keptM2: KeptStates[] = new Array(n + 2).fill(NONE);
  const keptMulti: KeptStates[] = new Array(n + 2).fill(NONE);
  const candP: MinAccumulator[] = Array.from({ length: RING }, () => new MinAccumulator(n));
  let curM = new MinAccumulator(n);
  let nextM = new MinAccumulator(n);
  let curMulti = new MinAccumulator(n);
  let nextMulti = new MinAccumulator(n);
  const m2 = new MinAccumulator(n);
  const scores = new Float64Array(n + 2);
  const scratch = new Float64Array(n + 2);
  const hAt: number[][] = Array.from({ length: n + 2 }, () => []);
  const hIdx = new Int32Array(n + 2);
  for (let i = 1; i <= n; i++) {
    if (plStart[i + 1] > plStart[i]) {
      hIdx[i] = plStart[i];
      hAt[plQ[plStart[i]]].push(i);
    }
  }
  const ptr = Int32Array.from(plStart);

  // best chain of outward stacks / small loops from (i,j): min over the chain of energy + F5
  const stackE = P.stack;
  const int11 = P.int11;
  const bulge1 = P.bulge[1];
  const bulge2 = P.bulge[2];
  const termAU = P.terminalAU;
  const lookAhead = (i: number, j: number): number => {
    let best = f5[i - 1];
    let acc = 0;
    let ci = i;
    let cj = j;
    for (let t = 0; t < lookDepth; t++) {
      const tIn = RTYPE[PAIR_TYPE[S[ci] * 5 + S[cj]]];
      let bv = INF;
      let be = 0;
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
          // stack, bulge 1, 1x1 or bulge 2, as interiorEnergy
          let e: number;
          const u = a + b;
          if (u === 0) e = stackE[ty * 8 + tIn];
          else if (u === 1) e = bulge1 + stackE[ty * 8 + tIn];
          else if (a === 1) e = int11[((ty * 8 + tIn) * 5 + S[p + 1]) * 5 + S[q - 1]];
          else e = bulge2 + (ty > 2 ? termAU : 0) + (tIn > 2 ? termAU : 0);
          if (e + f5[p - 1] < bv) {
            bv = e + f5[p - 1];
            be = e;
            bp = p;
            bq = q;
          }
        }
      }
      if (bv === INF) break;
      acc += be;
      ci = bp;
      cj = bq;
      if (acc + f5[ci - 1] < best) best = acc + f5[ci - 1];
    }
    return best;
  };

  const prune = (acc: MinAccumulator, beam: number, j: number, pairs: boolean): KeptStates => {
    const cnt = acc.count;
    if (cnt === 0) return NONE;
    for (let k = 0; k < cnt; k++) {
      const i = acc.idx[k];
      scores[k] = -(acc.v[i] + (pairs && cnt > beam ? lookAhead(i, j) : f5[i - 1]));
    }
    const thr = beamThreshold(scores, cnt, beam, scratch);
    let m = 0;
    for (let k = 0; k < cnt; k++) if (scores[k] >= thr && acc.v[acc.idx[k]] < INF) m++;
    const out: KeptStates = {
      i: new Int32Array(m),
      v: new Int32Array(m),
      kind: new Int8Array(m),
      a: new Int32Array(m),
      b: new Int32Array(m),
    };
    m = 0;
    for (let k = 0; k < cnt; k++) {
      const i = acc.idx[k];
      if (scores[k] < thr || acc.v[i] >= INF) continue;
      out.i[m] = i;
      out.v[m] = acc.v[i];
      out.kind[m] = acc.kind[i];
      out.a[m] = acc.a[i];
      out.b[m] = acc.b[i];
      m++;
    }
    return out;
  };

  for (let j = 1; j <= n; j++) {
    const sj = S[j];
    const sj1 = j < n ? S[j + 1] : -1;
    f5[j] = f5[j - 1];
    f5From[j] = 0;
    const cP = candP[j % RING];

    const hs = hAt[j];
    if (hs.length > 0) {
      const e = new Int32Array(hs.length);
      for (let k = 0; k < hs.length; k++) {
        const i = hs[k];
        const u = j - i - 1;
        const loop = u === 3 || u === 4 || u === 6 ? es.seq.substring(i - 1, j) : '';
        e[k] = hairpinEnergy(P, u, PAIR_TYPE[S[i] * 5 + sj], S[i + 1], S[j - 1], loop);
        scores[k] = -(e[k] + (hs.length > beams.pair ? lookAhead(i, j) : f5[i - 1]));
      }
      const thr = beamThreshold(scores, hs.length, beams.pair, scratch);
      for (let k = 0; k < hs.length; k++) {
        if (scores[k] < thr) continue;
        const i = hs[k];
        cP.update(i, e[k], BP_HAIRPIN, 0, 0);
        const nx = ++hIdx[i];
        if (nx < plStart[i + 1]) hAt[plQ[nx]].push(i);
      }
      hAt[j] = [];
    }

    const Pk = prune(cP, beams.pair, j, true);
    cP.clear();
    keptP[j] = Pk;
    for (let t = 0; t < Pk.i.length; t++) {
      const i = Pk.i[t];
      const v = Pk.v[t];
      const type = PAIR_TYPE[S[i] * 5 + sj];
      const ext = f5[i - 1] + v + exteriorStemEnergy(P, type, i > 1 ? S[i - 1] : -1, sj1);
      if (ext < f5[j]) {
        f5[j] = ext;
        f5From[j] = i;
      }
      const stem = v + multiStemEnergy(P, type, S[i - 1], S[j + 1]);
      curM.update(i, stem, BP_STEM, 0, 0);
      if (i > 1) {
        const Mk = keptM[i - 1];
        for (let u = 0; u < Mk.i.length; u++) m2.update(Mk.i[u], Mk.v[u] + stem, BP_SPLIT, i, 0);
      }
      const type2 = RTYPE[type];
      const si1 = S[i - 1];
      const sjn = S[j + 1];
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
          const e = v + interiorEnergy(P, u1, jp - j - 1, plType[a], type2, sip1, S[jp - 1], si1, sjn);
          candP[jp % RING].update(ip, e, BP_INTERIOR, i, j);
        }
      }
    }

    const M2k = prune(m2, beams.multi2, j, false);
    m2.clear();
    keptM2[j] = M2k;
    for (let t = 0; t < M2k.i.length; t++) {
      const k = M2k.i[t];
      const v = M2k.v[t];
      curM.update(k, v, BP_FROM_M2, 0, 0);
      const pMin = Math.max(1, k - 1 - lead);
      for (let p = k - 1; p >= pMin; p--) {
        if (lastPartner[p] > j) curMulti.update(p, v + (k - p - 1) * P.mlBase, BP_LEAD, k, 0);
      }
    }

    const Mk = prune(curM, beams.multi, j, false);
    curM.clear();
    keptM[j] = Mk;
    if (j < n) for (let t = 0; t < Mk.i.length; t++) nextM.update(Mk.i[t], Mk.v[t] + P.mlBase, BP_UNPAIRED, 0, 0);

    const Mu = prune(curMulti, beams.multiLoop, j, false);
    curMulti.clear();
    keptMulti[j] = Mu;
    if (j < n) {
      const cNext = candP[(j + 1) % RING];
      for (let t = 0; t < Mu.i.length; t++) {
        const p = Mu.i[t];
        const v = Mu.v[t];
        const type = PAIR_TYPE[S[p] * 5 + S[j + 1]];
        if (type !== 0 && j - p >= 3) {
          cNext.update(p, v + P.mlClosing + multiStemEnergy(P, RTYPE[type], S[j], S[p + 1]), BP_MULTI, 0, 0);
        }
        if (lastPartner[p] > j + 1) nextMulti.update(p, v + P.mlBase, BP_UNPAIRED, 0, 0);
      }
    }
    let x = curM;
    curM = nextM;
    nextM = x;
    x = curMulti;
    curMulti = nextMulti;
    nextMulti = x;
  }

  // traceback
  const pt = new Int32Array(n + 1);
  pt[0] = n;
  const find = (k: KeptStates, i: number): number => {
    for (let t = 0; t < k.i.length; t++) if (k.i[t] === i) return t;
    throw new Error(`beam traceback: state (${i}) not kept`);
  };
  type Item = [kind: 'P' | 'M' | 'M2' | 'Multi', i: number, j: number];
  const stack: Item[] = [];
  for (let j = n; j >= 1; ) {
    const i = f5From[j];
    if (i === 0) {
      j--;
      continue;
    }
    stack.push(['P', i, j]);
    j = i - 1;
  }
  while (stack.length > 0) {
    const [what, i, j] = stack.pop()!;
    if (what === 'P') {
      pt[i] = j;
      pt[j] = i;
      const s = keptP[j];
      const t = find(s, i);
      if (s.kind[t] === BP_INTERIOR) stack.push(['P', s.a[t], s.b[t]]);
      else if (s.kind[t] === BP_MULTI) stack.push(['Multi', i, j - 1]);
    } else if (what === 'M') {
      const s = keptM[j];
      const t = find(s, i);
      if (s.kind[t] === BP_STEM) stack.push(['P', i, j]);
      else if (s.kind[t] === BP_FROM_M2) stack.push(['M2', i, j]);
      else stack.push(['M', i, j - 1]);
    } else if (what === 'M2') {
      const s = keptM2[j];
      const t = find(s, i);
      const a = s.a[t];
      stack.push(['M', i, a - 1], ['P', a, j]);
    } else {
      const s = keptMulti[j];
      const t = find(s, i);
      if (s.kind[t] === BP_LEAD) stack.push(['M2', s.a[t], j]);
      else stack.push(['Multi', i, j - 1]);
    }
  }
  return { energy: n > 0 ? f5[n] : 0, pt };
}
