// McCaskill partition function (inside pass) of one strand with ViennaRNA 2.7.1's default model.
// Hand-written because no maintained TS/JS library implements this model; recursions as in
// ViennaRNA's part_func.c (Lorenz et al. 2011; Turner 2004 parameters via rna_turner2004.par):
//   QB[i,j]  pair (i,j) closes a hairpin, interior or multi-loop
//   QM1[i,j] exactly one stem (i,l) in [i,j], l <= j, rest unpaired
//   QM[i,j]  >= 1 stem in [i,j] (multi-loop part)
//   Z5[j], Z3[i] exterior loop of the prefix 1..j / suffix i..n
// Every quantity over a segment of length L carries the factor scale^L = pfScale^-L (ViennaRNA's
// pf_scale, estimated from the MFE) so that long sequences stay within double range.
// Storage: QB row-major, QM and QM1 column-major (triangular Float64Array); the outside pass
// (basePairProbs.ts) reuses these arrays.

import type { BoltzmannParams } from './boltzmannParams';
import * as lb from './loopBoltzmann';
import * as raw from './params/rawParams';
import * as sequence from './sequence';
import type { EncodedSequence } from './sequence';
import { partnerLists } from './partnerLists';
import { colOffsets, rowOffsets, triangleSize } from './triangle';
import { createWorkspace, workspaceBytes, type Workspace } from './kernels';

// module-local bindings for the hot loops
const MAXLOOP = raw.MAXLOOP;
const PAIR_TYPE = sequence.PAIR_TYPE;
const RTYPE = sequence.RTYPE;
const expHairpin = lb.expHairpin;
const expInterior = lb.expInterior;
const expExteriorStem = lb.expExteriorStem;
const expMultiStem = lb.expMultiStem;
const TURN = 3;

export interface InsideMatrices {
  readonly n: number;
  readonly pfScale: number;
  /** scale[k] = pfScale^-k, k = 0..n+1 */
  readonly scale: Float64Array;
  /** expMLbase^k * scale[k] */
  readonly expMLbaseK: Float64Array;
  readonly qb: Float64Array;
  readonly qm: Float64Array;
  readonly qm1: Float64Array;
  readonly z5: Float64Array;
  readonly z3: Float64Array;
  /** row-major offsets (qb) and column-major offsets (qm, qm1) */
  readonly rOff: Int32Array;
  readonly cOff: Int32Array;
  /** kernel workspace holding qm, qm1 and, reserved, the outside pass's arrays */
  readonly ws: Workspace;
}

/** Lengths of the float64 kernel arrays of the outside pass (allocated from the same workspace). */
export function outsideArrayLengths(n: number): number[] {
  return [triangleSize(n), n + 2];
}

/** ViennaRNA's pf_scale estimate: exp(-(1.07 * mfe_per_nt) / kT), at least 1. */
export function pfScaleFromMfe(mfeKcal: number, n: number, kT: number, sfact = 1.07): number {
  if (n === 0) return 1;
  const ePerNt = (mfeKcal * 1000) / n;
  const s = Math.exp(-(sfact * ePerNt) / kT);
  return s < 1 ? 1 : s;
}

/**
 * Interior-loop shapes (u1,u2) indexed u1 * W + u2: kind 0 = generic, 1 = 1xn loop (both
 * factorise into loopZ * outer mismatch * inner mismatch), 2 = special (stack, bulge, 1x1, 2x1, 2x2,
 * 2x3: evaluated by expInterior). loopZ includes the size term, ninio and the scaling of the
 * 2 + u1 + u2 bases of the loop.
 */
export function interiorShapes(
  B: BoltzmannParams,
  scale: Float64Array,
  n: number,
): { shape: Int8Array; loopZ: Float64Array; W: number } {
  const W = MAXLOOP + 2;
  const shape = new Int8Array(W * W).fill(2);
  const loopZ = new Float64Array(W * W);
  for (let u1 = 0; u1 <= MAXLOOP; u1++) {
    for (let u2 = 0; u1 + u2 <= MAXLOOP; u2++) {
      const nl = Math.max(u1, u2);
      const ns = Math.min(u1, u2);
      const k = u1 * W + u2;
      if (ns >= 3 || (ns === 2 && nl >= 4)) shape[k] = 0;
      else if (ns === 1 && nl >= 3) shape[k] = 1;
      else continue;
      loopZ[k] = B.expInterior[u1 + u2] * B.expNinio[nl - ns] * scale[Math.min(u1 + u2 + 2, n + 1)];
    }
  }
  return { shape, loopZ, W };
}

export function hairpinWeight(B: BoltzmannParams, es: EncodedSequence, i: number, j: number, type: number): number {
  const u = j - i - 1;
  const loop = u === 3 || u === 4 || u === 6 ? es.seq.substring(i - 1, j) : '';
  return expHairpin(B, u, type, es.S[i + 1], es.S[j - 1], loop);
}

export function fillInside(B: BoltzmannParams, es: EncodedSequence, pfScale: number): InsideMatrices {
  const n = es.n;
  const S = es.S;
  const rOff = rowOffsets(n);
  const cOff = colOffsets(n);
  const size = triangleSize(n);
  const ws = createWorkspace(workspaceBytes([], [size, size, n + 2, n + 2, n + 3, ...outsideArrayLengths(n)]));
  const qb = new Float64Array(size);
  const qm = ws.f64(size);
  const qm1 = ws.f64(size);
  const scale = new Float64Array(n + 2);
  const expMLbaseK = new Float64Array(n + 2);
  scale[0] = 1;
  expMLbaseK[0] = 1;
  const s1 = 1 / pfScale;
  for (let k = 1; k <= n + 1; k++) {
    scale[k] = scale[k - 1] * s1;
    expMLbaseK[k] = expMLbaseK[k - 1] * B.expMLbase * s1;
  }
  const b1 = expMLbaseK[1];
  const mlClose = B.expMLclosing * scale[2];
  let qmRow = ws.f64(n + 2); // QM[i, .]
  let qmRow1 = ws.f64(n + 2); // QM[i+1, .]
  const left = ws.f64(n + 3); // b^(u-i) + QM[i, u-1] of the current row
  // interior-loop factors with the scaling of the loop's 2 + u1 + u2 bases folded in
  const { shape, loopZ, W } = interiorShapes(B, scale, n);
  const expMmI = B.expMismatchI;
  const expMm1nI = B.expMismatch1nI;
  const pl = partnerLists(es);
  const plStart = pl.start;
  const plQ = pl.q;
  const plType2 = pl.type2;
  const plMm = pl.mmIdx;
  const lo = new Int32Array(MAXLOOP + 2);
  const hi = new Int32Array(MAXLOOP + 2);

  for (let i = n - 1; i >= 1; i--) {
    qmRow.fill(0);
    const si = S[i];
    const si1 = S[i + 1];
    const rowI = rOff[i];
    let qm1Prev = 0; // QM1[i, j-1]
    left[i] = 1;
    left[i + 1] = expMLbaseK[1];
    for (let d = 1; d <= MAXLOOP + 1 && i + d <= n; d++) lo[d] = hi[d] = plStart[i + d];
    for (let j = i + 1; j <= n; j++) {
      const type = PAIR_TYPE[si * 5 + S[j]];
      let qbij = 0;
      if (type !== 0 && j - i - 1 >= TURN) {
        // advance the partner windows: q <= j-1 and q >= j - i + p - MAXLOOP - 2
        const maxP = Math.min(i + MAXLOOP + 1, j - TURN - 2);
        for (let p = i + 1; p <= maxP; p++) {
          const d = p - i;
          const end = plStart[p + 1];
          let h = hi[d];
          while (h < end && plQ[h] <= j - 1) h++;
          hi[d] = h;
          const minq = j - i + p - MAXLOOP - 2;
          let l = lo[d];
          while (l < h && plQ[l] < minq) l++;
          lo[d] = l;
        }
        const sj1 = S[j - 1];
        qbij = hairpinWeight(B, es, i, j, type) * scale[j - i + 1];
        // interior loops
        const outerI = type * 25 + si1 * 5 + sj1;
        const mmOuter = expMmI[outerI];
        const mm1nOuter = expMm1nI[outerI];
        for (let p = i + 1; p <= maxP; p++) {
          const u1 = p - i - 1;
          const d = p - i;
          const rowP = rOff[p];
          const sp1 = S[p - 1];
          const shapeRow = u1 * W + j - 1; // - q: index of (u1, u2 = j-q-1)
          for (let k = lo[d], h = hi[d]; k < h; k++) {
            const q = plQ[k];
            const qbpq = qb[rowP + q];
            if (qbpq === 0) continue;
            const sk = shapeRow - q;
            const kind = shape[sk];
            let z: number;
            if (kind === 0) z = loopZ[sk] * mmOuter * expMmI[plMm[k]];
            else if (kind === 1) z = loopZ[sk] * mm1nOuter * expMm1nI[plMm[k]];
            else z = expInterior(B, u1, j - q - 1, type, plType2[k], si1, sj1, sp1, S[q + 1]) * scale[u1 + j - q + 1];
            qbij += qbpq * z;
          }
        }
        // multi-loop: QM[i+1, u-1] * QM1[u, j-1], u = i+6 .. j-5
        if (j - i >= 11) {
          const sum = ws.dot(qmRow1, i + 5, qm1, cOff[j - 1] + i + 6, j - i - 10);
          if (sum > 0) qbij += sum * mlClose * expMultiStem(B, RTYPE[type], sj1, si1);
        }
        qb[rowI + j] = qbij;
      }
      // QM1[i,j] = QM1[i,j-1] * b + QB[i,j] * stem
      let m1 = qm1Prev * b1;
      if (qbij > 0) m1 += qbij * expMultiStem(B, type, S[i - 1], S[j + 1]);
      const colJ = cOff[j];
      qm1[colJ + i] = m1;
      qm1Prev = m1;
      // QM[i,j] = sum_u left[u] * QM1[u,j], left[u] = b^(u-i) + QM[i,u-1], u = i .. j-4
      const m = j - i >= 4 ? ws.dot(left, i, qm1, colJ + i, j - i - 3) : 0;
      qmRow[j] = m;
      qm[colJ + i] = m;
      left[j + 1] = expMLbaseK[j + 1 - i] + m;
    }
    const t = qmRow1;
    qmRow1 = qmRow;
    qmRow = t;
  }

  // exterior loop, both directions
  const z5 = new Float64Array(n + 2);
  const z3 = new Float64Array(n + 2);
  z5[0] = 1;
  for (let j = 1; j <= n; j++) {
    let z = z5[j - 1] * s1;
    const n3 = j < n ? S[j + 1] : -1;
    for (let k = j - TURN - 1; k >= 1; k--) {
      const v = qb[rOff[k] + j];
      if (v === 0) continue;
      z += z5[k - 1] * v * expExteriorStem(B, PAIR_TYPE[S[k] * 5 + S[j]], k > 1 ? S[k - 1] : -1, n3);
    }
    z5[j] = z;
  }
  z3[n + 1] = 1;
  for (let i = n; i >= 1; i--) {
    let z = z3[i + 1] * s1;
    const n5 = i > 1 ? S[i - 1] : -1;
    const rowI = rOff[i];
    for (let l = i + TURN + 1; l <= n; l++) {
      const v = qb[rowI + l];
      if (v === 0) continue;
      z += v * expExteriorStem(B, PAIR_TYPE[S[i] * 5 + S[l]], n5, l < n ? S[l + 1] : -1) * z3[l + 1];
    }
    z3[i] = z;
  }
  return { n, pfScale, scale, expMLbaseK, qb, qm, qm1, z5, z3, rOff, cOff, ws };
}

/** Ensemble free energy in kcal/mol from the scaled partition function. */
export function ensembleEnergyKcal(m: InsideMatrices, kT: number): number {
  return ((-Math.log(m.z5[m.n]) - m.n * Math.log(m.pfScale)) * kT) / 1000;
}
