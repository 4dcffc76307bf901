// Minimum free energy folding of one strand (Zuker-style DP) with ViennaRNA 2.7.1's default model.
// Hand-written because no maintained TS/JS library implements this model; the recursions and the
// backtracking order follow ViennaRNA (Lorenz et al. 2011; Turner 2004 parameters from ViennaRNA's
// rna_turner2004.par) so that energies are identical and structures usually are too:
//   C[i,j]   pair (i,j) closes a hairpin, an interior loop (<= 30 unpaired) or a multi-loop
//   FML[i,j] part of a multi-loop with >= 1 stem (dangles = 2 on every stem)
//   F5[j]    exterior loop of the prefix 1..j
// Storage: C row-major, FML column-major (both triangular Int32Array), plus per-row helpers.

import type { EnergyParams } from './energyParams';
import * as loops from './loopEnergy';
import * as raw from './params/rawParams';
import * as sequence from './sequence';
import type { EncodedSequence } from './sequence';
import { partnerLists } from './partnerLists';
import { colOffsets, rowOffsets, triangleSize } from './triangle';
import { createWorkspace, workspaceBytes } from './kernels';

// Module-local bindings: imported bindings are property reads through getters under some
// module loaders (e.g. tsx), far too slow inside the DP loops.
const INF = raw.INF;
const MAXLOOP = raw.MAXLOOP;
const PAIR_TYPE = sequence.PAIR_TYPE;
const RTYPE = sequence.RTYPE;
const exteriorStemEnergy = loops.exteriorStemEnergy;
const hairpinEnergy = loops.hairpinEnergy;
const interiorEnergy = loops.interiorEnergy;
const multiStemEnergy = loops.multiStemEnergy;

/** Minimum number of unpaired bases in a hairpin. */
export const TURN = 3;

export interface MfeMatrices {
  readonly n: number;
  readonly c: Int32Array;
  readonly fml: Int32Array;
  readonly f5: Int32Array;
  readonly cOff: Int32Array;
  readonly mOff: Int32Array;
  /** FML lives in a kernel workspace: call when done with the matrices (after backtracking) */
  readonly release: () => void;
}

export interface MfeResult {
  /** dcal/mol */
  energy: number;
  /** pair table, pt[i] = partner or 0 */
  pt: Int32Array;
}

function hairpinAt(P: EnergyParams, es: EncodedSequence, i: number, j: number, type: number): number {
  const size = j - i - 1;
  const S = es.S;
  const loop = size === 3 || size === 4 || size === 6 ? es.seq.substring(i - 1, j) : '';
  return hairpinEnergy(P, size, type, S[i + 1], S[j - 1], loop);
}

/** Fills the MFE matrices. */
export function fillMfe(P: EnergyParams, es: EncodedSequence): MfeMatrices {
  const n = es.n;
  const S = es.S;
  const cOff = rowOffsets(n);
  const mOff = colOffsets(n);
  const size = triangleSize(n);
  // FML and the current row of it are the operands of the O(n^3) min-plus: kernel workspace
  const ws = createWorkspace(workspaceBytes([size, n + 2], []));
  const c = new Int32Array(size).fill(INF);
  const fml = ws.i32(size).fill(INF);
  const f5 = new Int32Array(n + 1);
  let dml = new Int32Array(n + 2).fill(INF); // row i:   min_u FML[i,u] + FML[u+1,j]
  let dml1 = new Int32Array(n + 2).fill(INF); // row i+1
  const fmi = ws.i32(n + 2).fill(INF); // FML[i, .] of the current row
  const mlBase = P.mlBase;
  const mlClosing = P.mlClosing;
  const interior = P.interior;
  const mismatchI = P.mismatchI;
  const mismatch1nI = P.mismatch1nI;
  // per loop shape (u1,u2): 0 = generic, 1 = 1xn (both: size term + ninio in loopE), 2 = special
  const W = MAXLOOP + 2;
  const shape = new Int8Array(W * W).fill(2);
  const loopE = new Int32Array(W * W);
  for (let u1 = 0; u1 <= MAXLOOP; u1++) {
    for (let u2 = 0; u1 + u2 <= MAXLOOP; u2++) {
      const nl = Math.max(u1, u2);
      const ns = Math.min(u1, u2);
      const k = u1 * W + u2;
      if (ns >= 3 || (ns === 2 && nl >= 4)) shape[k] = 0;
      else if (ns === 1 && nl >= 3) shape[k] = 1;
      else continue;
      loopE[k] = interior[u1 + u2] + Math.min(P.maxNinio, (nl - ns) * P.ninio);
    }
  }
  const pl = partnerLists(es);
  const plStart = pl.start;
  const plQ = pl.q;
  const plType2 = pl.type2;
  const plMm = pl.mmIdx;
  // per row i: partner-list window [lo, hi) of p = i+1..i+MAXLOOP+1
  const lo = new Int32Array(MAXLOOP + 2);
  const hi = new Int32Array(MAXLOOP + 2);

  for (let i = n - 1; i >= 1; i--) {
    const si = S[i];
    const si1 = S[i + 1];
    const rowI = cOff[i];
    fmi.fill(INF);
    dml.fill(INF);
    for (let d = 1; d <= MAXLOOP + 1 && i + d <= n; d++) lo[d] = hi[d] = plStart[i + d];
    for (let j = i + 1; j <= n; j++) {
      const sj = S[j];
      const type = PAIR_TYPE[si * 5 + sj];
      let cij = INF;
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
        cij = hairpinAt(P, es, i, j, type);
        // multi-loop closed by (i,j): at least two stems in [i+1, j-1]
        const dm = dml1[j - 1];
        if (dm < INF) {
          const e = dm + mlClosing + multiStemEnergy(P, RTYPE[type], sj1, si1);
          if (e < cij) cij = e;
        }
        // interior loops (stacks, bulges, interior)
        const outerI = type * 25 + si1 * 5 + sj1;
        const mmOuter = mismatchI[outerI];
        const mm1nOuter = mismatch1nI[outerI];
        for (let p = i + 1; p <= maxP; p++) {
          const u1 = p - i - 1;
          const d = p - i;
          const rowP = cOff[p];
          const sp1 = S[p - 1];
          const shapeRow = u1 * W + j - 1; // + (-q) gives the index of (u1, u2 = j-q-1)
          for (let k = lo[d], h = hi[d]; k < h; k++) {
            const q = plQ[k];
            const cpq = c[rowP + q];
            if (cpq >= INF) continue;
            const sk = shapeRow - q;
            const kind = shape[sk];
            let e: number;
            if (kind === 0) e = loopE[sk] + mmOuter + mismatchI[plMm[k]];
            else if (kind === 1) e = loopE[sk] + mm1nOuter + mismatch1nI[plMm[k]];
            else e = interiorEnergy(P, u1, j - q - 1, type, plType2[k], si1, sj1, sp1, S[q + 1]);
            e += cpq;
            if (e < cij) cij = e;
          }
        }
        if (cij > INF) cij = INF;
        c[rowI + j] = cij;
      }
      // FML[i,j]
      let f = INF;
      if (j - i > TURN) {
        const colJ = mOff[j];
        let e = fml[colJ + i + 1] + mlBase;
        if (e < f) f = e;
        e = fmi[j - 1] + mlBase;
        if (e < f) f = e;
        if (cij < INF) {
          e = cij + multiStemEnergy(P, type, S[i - 1], S[j + 1]);
          if (e < f) f = e;
        }
        // split; INF + INF still fits an int32, so no feasibility tests are needed here
        const u0 = i + 1 + TURN;
        let dd = ws.minPlus(fmi, u0, fml, colJ + u0 + 1, j - 2 - TURN - u0 + 1, INF);
        if (dd > INF) dd = INF;
        dml[j] = dd;
        if (dd < f) f = dd;
        if (f > INF) f = INF;
        fml[colJ + i] = f;
      }
      fmi[j] = f;
    }
    const t = dml1;
    dml1 = dml;
    dml = t;
  }

  // exterior loop
  f5[0] = 0;
  for (let j = 1; j <= n; j++) {
    let f = f5[j - 1];
    const n3 = j < n ? S[j + 1] : -1;
    for (let k = j - TURN - 1; k >= 1; k--) {
      const ckj = c[cOff[k] + j];
      if (ckj >= INF) continue;
      const type = PAIR_TYPE[S[k] * 5 + S[j]];
      const e = f5[k - 1] + ckj + exteriorStemEnergy(P, type, k > 1 ? S[k - 1] : -1, n3);
      if (e < f) f = e;
    }
    f5[j] = f;
  }
  return { n, c, fml, f5, cOff, mOff, release: () => ws.release() };
}

const SEG_F5 = 0;
const SEG_ML = 1;
const SEG_C = 2;

/** Backtracks one MFE structure in ViennaRNA's order of preference. */
export function backtrackMfe(P: EnergyParams, es: EncodedSequence, m: MfeMatrices): Int32Array {
  const { n, c, fml, f5, cOff, mOff } = m;
  const S = es.S;
  const pt = new Int32Array(n + 1);
  pt[0] = n;
  const C = (i: number, j: number) => c[cOff[i] + j];
  const ML = (i: number, j: number) => (j - i > TURN ? fml[mOff[j] + i] : INF);
  const stack: number[] = [1, n, SEG_F5];

  while (stack.length > 0) {
    const kind = stack.pop()!;
    let j = stack.pop()!;
    let i = stack.pop()!;

    if (kind === SEG_F5) {
      if (j < 2) continue;
      // nibble off unpaired 3' bases
      while (j >= 1 && f5[j] === f5[j - 1]) j--;
      if (j < 2) continue;
      const fij = f5[j];
      const n3 = j < n ? S[j + 1] : -1;
      let found = false;
      for (let u = j - 1; u >= 1; u--) {
        if (j - u - 1 < TURN) continue;
        const cuj = C(u, j);
        if (cuj >= INF) continue;
        const type = PAIR_TYPE[S[u] * 5 + S[j]];
        if (fij === cuj + f5[u - 1] + exteriorStemEnergy(P, type, u > 1 ? S[u - 1] : -1, n3)) {
          stack.push(1, u - 1, SEG_F5, u, j, SEG_C);
          found = true;
          break;
        }
      }
      if (!found) throw new Error(`MFE backtracking failed in f5[${j}]`);
      continue;
    }

    if (kind === SEG_ML) {
      // nibble off unpaired 3' then 5' bases
      while (j - 1 >= i && ML(i, j) === ML(i, j - 1) + P.mlBase) j--;
      while (i + 1 <= j && ML(i, j) === ML(i + 1, j) + P.mlBase) i++;
      if (j <= i) throw new Error('MFE backtracking failed in fML');
      const fij = ML(i, j);
      const cij = C(i, j);
      if (cij < INF) {
        const type = PAIR_TYPE[S[i] * 5 + S[j]];
        if (fij === cij + multiStemEnergy(P, type, S[i - 1], S[j + 1])) {
          stack.push(i, j, SEG_C);
          continue;
        }
      }
      let found = false;
      for (let u = i + 1; u <= j - 2; u++) {
        const a = ML(i, u);
        const b = ML(u + 1, j);
        if (a < INF && b < INF && a + b === fij) {
          stack.push(i, u, SEG_ML, u + 1, j, SEG_ML);
          found = true;
          break;
        }
      }
      if (!found) throw new Error(`MFE backtracking failed in fML[${i},${j}]`);
      continue;
    }

    // SEG_C: (i,j) pairs; follow the chain of interior loops
    for (;;) {
      pt[i] = j;
      pt[j] = i;
      const cij = C(i, j);
      const type = PAIR_TYPE[S[i] * 5 + S[j]];
      if (cij === hairpinAt(P, es, i, j, type)) break;
      let next = false;
      const si1 = S[i + 1];
      const sj1 = S[j - 1];
      const maxP = Math.min(j - 2, i + MAXLOOP + 1);
      for (let p = i + 1; p <= maxP && !next; p++) {
        let minq = p + 1;
        if (p + 1 + MAXLOOP + 2 + i < j + p) minq = p + j - i - MAXLOOP - 2;
        for (let q = j - 1; q >= minq; q--) {
          if (q - p - 1 < TURN) continue;
          const cpq = C(p, q);
          if (cpq >= INF) continue;
          const type2 = RTYPE[PAIR_TYPE[S[p] * 5 + S[q]]];
          if (cij === cpq + interiorEnergy(P, p - i - 1, j - q - 1, type, type2, si1, sj1, S[p - 1], S[q + 1])) {
            i = p;
            j = q;
            next = true;
            break;
          }
        }
      }
      if (next) continue;
      // multi-loop
      const e = cij - P.mlClosing - multiStemEnergy(P, RTYPE[type], sj1, si1);
      let found = false;
      for (let r = i + 2; r < j - 2; r++) {
        const a = ML(i + 1, r);
        const b = ML(r + 1, j - 1);
        if (a < INF && b < INF && a + b === e) {
          stack.push(i + 1, r, SEG_ML, r + 1, j - 1, SEG_ML);
          found = true;
          break;
        }
      }
      if (!found) throw new Error(`MFE backtracking failed for pair (${i},${j})`);
      break;
    }
  }
  return pt;
}

/** MFE and one optimal structure. */
export function foldMfe(P: EnergyParams, es: EncodedSequence): MfeResult {
  const matrices = fillMfe(P, es);
  let pt: Int32Array;
  try {
    pt = backtrackMfe(P, es, matrices);
  } finally {
    matrices.release();
  }
  return { energy: es.n > 0 ? matrices.f5[es.n] : 0, pt };
}
