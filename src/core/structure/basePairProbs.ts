// Outside pass of the partition function: base-pair probabilities P[i,j] = QB[i,j] * QBhat[i,j] / Z.
// Hand-written (no maintained TS/JS library does this); same model as ViennaRNA 2.7.1's bpp
// (Lorenz et al. 2011; Turner 2004 parameters via rna_turner2004.par), computed with an outside
// recursion that mirrors partitionFunction.ts:
//   QBhat[i,l]  outside of pair (i,l): exterior + enclosing interior loops + multi-loop stem
//   QMhat[i,l]  outside of a multi-loop part QM[i,l];  W[i,l] = QMhat[i,l] + QBhat[i-1,l+1]*MLclose
//   QM1hat[u,j] = sum_{i<=u} QMhat[i,j] b^(u-i) + sum_{i<u} QM[i,u-1] W[i,j]
// Rows i = 1..n are processed in order; QBhat is kept only for the last MAXLOOP+1 rows. The
// probabilities overwrite QB in place (row-major triangular Float64Array).

import type { BoltzmannParams } from './boltzmannParams';
import * as lb from './loopBoltzmann';
import { interiorShapes, type InsideMatrices } from './partitionFunction';
import { partnerLists } from './partnerLists';
import * as raw from './params/rawParams';
import * as sequence from './sequence';
import type { EncodedSequence } from './sequence';

const MAXLOOP = raw.MAXLOOP;
const PAIR_TYPE = sequence.PAIR_TYPE;
const RTYPE = sequence.RTYPE;
const expInterior = lb.expInterior;
const expExteriorStem = lb.expExteriorStem;
const expMultiStem = lb.expMultiStem;
const TURN = 3;
const WINDOW = MAXLOOP + 2;

/** Computes all pair probabilities; overwrites m.qb with them and returns it. */
export function fillOutside(B: BoltzmannParams, es: EncodedSequence, m: InsideMatrices): Float64Array {
  const { n, qb, qm, qm1, z5, z3, rOff, cOff, scale, expMLbaseK, ws } = m;
  const S = es.S;
  const Z = z5[n];
  const b1 = expMLbaseK[1];
  const mlClose = B.expMLclosing * scale[2];
  // W and the QMhat accumulator are kernel operands (sizes reserved by fillInside)
  const w = ws.f64(qm.length); // W[i,l], column-major
  const acc = ws.f64(n + 2); // QMhat[i, .] being accumulated
  const aCol = new Float64Array(n + 2); // A[i, j] = sum_{i'<=i} QMhat[i',j] b^(i-i')
  const qm1hat = new Float64Array(n + 2); // QM1hat[i, .]
  const win: Float64Array[] = Array.from({ length: WINDOW }, () => new Float64Array(n + 2));
  if (n === 0 || Z === 0) {
    ws.release();
    return qb;
  }
  const { shape, loopZ, W } = interiorShapes(B, scale, n);
  const expMmI = B.expMismatchI;
  const expMm1nI = B.expMismatch1nI;
  const pl = partnerLists(es);
  const plStart = pl.start;
  const plQ = pl.q;
  const plType = pl.type;
  const plOuter = pl.outerMm;
  // per row i and distance d = i - k: window [lo, hi) of partners m of k with l < m <= l+1+MAXLOOP-(d-1)
  const lo = new Int32Array(MAXLOOP + 2);
  const hi = new Int32Array(MAXLOOP + 2);

  for (let i = 1; i <= n; i++) {
    const hatRow = win[i % WINDOW];
    hatRow.fill(0);
    const prevHat = i >= 2 ? win[(i - 1) % WINDOW] : null;
    // 1. QMhat[i, l] and W[i, l], l from n down (push QM1[j+1,l] * W[i,l] to QMhat[i,j], j < l)
    acc.fill(0);
    for (let l = n; l > i; l--) {
      const qmhat = acc[l];
      let wil = qmhat;
      if (prevHat !== null && l < n) {
        const h = prevHat[l + 1];
        if (h !== 0) {
          const type = PAIR_TYPE[S[i - 1] * 5 + S[l + 1]];
          wil += h * mlClose * expMultiStem(B, RTYPE[type], S[l], S[i]);
        }
      }
      const colL = cOff[l];
      w[colL + i] = wil;
      if (wil !== 0 && l - 5 >= i) ws.axpy(acc, i, wil, qm1, colL + i + 1, l - 4 - i);
      aCol[l] = aCol[l] * b1 + qmhat;
    }
    // 2. QM1hat[i, j] = A[i, j] + sum_{i'<=i-5} QM[i', i-1] * W[i', j]
    const colI1 = cOff[i - 1];
    for (let j = i + 1; j <= n; j++) {
      let s = aCol[j];
      const colJ = cOff[j];
      if (i > 5) s += ws.dot(qm, colI1 + 1, w, colJ + 1, i - 5);
      qm1hat[j] = s;
    }
    // 3. QBhat[i, l] and P[i, l], l from n down
    const rowI = rOff[i];
    const si = S[i];
    const n5 = i > 1 ? S[i - 1] : -1;
    const dMax = Math.min(MAXLOOP + 1, i - 1);
    for (let d = 1; d <= dMax; d++) lo[d] = hi[d] = plStart[i - d + 1];
    let r = 0; // sum_{j>=l} QM1hat[i,j] b^(j-l)
    for (let l = n; l > i; l--) {
      r = r * b1 + qm1hat[l];
      const qbil = qb[rowI + l];
      if (qbil === 0 || l - i - 1 < TURN) continue;
      const type = PAIR_TYPE[si * 5 + S[l]];
      const n3 = l < n ? S[l + 1] : -1;
      let hat = z5[i - 1] * expExteriorStem(B, type, n5, n3) * z3[l + 1];
      hat += r * expMultiStem(B, type, S[i - 1], S[l + 1]);
      // enclosing pairs (k, m) with (i, l) as the inner pair of an interior loop
      const type2 = RTYPE[type];
      const si1 = S[i - 1];
      const sl1 = S[l + 1];
      const innerMm = type2 * 25 + sl1 * 5 + si1;
      const mmInnerI = expMmI[innerMm];
      const mmInner1n = expMm1nI[innerMm];
      for (let d = 1; d <= dMax; d++) {
        const k = i - d;
        const u1 = d - 1;
        const s0 = plStart[k];
        const mMax = l + 1 + MAXLOOP - u1;
        let a = lo[d];
        while (a > s0 && plQ[a - 1] > l) a--;
        lo[d] = a;
        let b = hi[d];
        while (b > a && plQ[b - 1] > mMax) b--;
        hi[d] = b;
        if (a === b) continue;
        const hk = win[k % WINDOW];
        const sk1 = S[k + 1];
        const shapeRow = u1 * W - l - 1; // + mm: index of (u1, u2 = mm-l-1)
        for (let t = a; t < b; t++) {
          const mm = plQ[t];
          const h = hk[mm];
          if (h === 0) continue;
          const sk = shapeRow + mm;
          const kind = shape[sk];
          let z: number;
          if (kind === 0) z = loopZ[sk] * expMmI[plOuter[t]] * mmInnerI;
          else if (kind === 1) z = loopZ[sk] * expMm1nI[plOuter[t]] * mmInner1n;
          else z = expInterior(B, u1, mm - l - 1, plType[t], type2, sk1, S[mm - 1], si1, sl1) * scale[u1 + mm - l + 1];
          hat += h * z;
        }
      }
      hatRow[l] = hat;
      qb[rowI + l] = (qbil * hat) / Z;
    }
  }
  ws.release();
  return qb;
}
