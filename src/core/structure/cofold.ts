// MFE co-folding of two strands A&B (RNAcofold, ViennaRNA 2.7.1 defaults). Hand-written because no
// maintained TS/JS library does this; model as ViennaRNA's multi-strand MFE (Lorenz et al. 2011;
// Turner 2004 parameters via rna_turner2004.par): the strands are concatenated; the loop that
// contains the nick between A and B is an exterior loop (no dangles across the nick, no hairpin
// minimum for pairs across it) and carries the duplex initiation penalty once; multi-loops and
// interior loops may not contain the nick. Aimed at short strands (tens to hundreds of nt).

import type { EnergyParams } from './energyParams';
import { exteriorStemEnergy, hairpinEnergy, interiorEnergy, multiStemEnergy } from './loopEnergy';
import { INF, MAXLOOP } from './params/rawParams';
import { PAIR_TYPE, RTYPE, encodeSequence } from './sequence';

const TURN = 3;

export interface CofoldRaw {
  /** dcal/mol */
  energy: number;
  /** pair table over the concatenation A+B (1-based) */
  pt: Int32Array;
  /** length of strand A */
  cut: number;
}

export function cofoldMfe(P: EnergyParams, a: string, b: string): CofoldRaw {
  const es = encodeSequence(a + b);
  const { n, S, seq } = es;
  const cut = a.length;
  const sn = (k: number) => (k > cut ? 1 : 0);
  const N = n + 2;
  const c = new Int32Array(N * N).fill(INF);
  const fml = new Int32Array(N * N).fill(INF);
  const at = (i: number, j: number) => i * N + j;
  const fms5 = new Int32Array(N).fill(INF); // segment k..cut of strand A, exterior rules
  const fms3 = new Int32Array(N).fill(INF); // segment cut+1..k of strand B
  const ext5 = (k: number) => (k > 1 && sn(k - 1) === sn(k) ? S[k - 1] : -1);
  const ext3 = (k: number) => (k < n && sn(k) === sn(k + 1) ? S[k + 1] : -1);
  const typeOf = (i: number, j: number) => PAIR_TYPE[S[i] * 5 + S[j]];
  const canPair = (i: number, j: number) => typeOf(i, j) !== 0 && (sn(i) !== sn(j) || j - i - 1 >= TURN);
  const hairpin = (i: number, j: number, type: number) => {
    const u = j - i - 1;
    const loop = u === 3 || u === 4 || u === 6 ? seq.substring(i - 1, j) : '';
    return hairpinEnergy(P, u, type, S[i + 1], S[j - 1], loop);
  };
  const mlSplit = (i: number, j: number): number => {
    let d = INF;
    for (let u = i; u < j; u++) {
      if (u === cut) continue;
      const x = fml[at(i, u)];
      const y = fml[at(u + 1, j)];
      if (x < INF && y < INF && x + y < d) d = x + y;
    }
    return d;
  };
  // the nick loop closed by (i,j): exterior-like, + duplex initiation
  const nickLoop = (i: number, j: number, type: number): number => {
    let inner: number;
    if (i === cut && j === cut + 1) inner = 0;
    else if (i === cut) inner = fms3[j - 1];
    else if (j === cut + 1) inner = fms5[i + 1];
    else inner = fms5[i + 1] + fms3[j - 1];
    if (inner >= INF) return INF;
    const s5 = sn(j - 1) === sn(j) ? S[j - 1] : -1;
    const s3 = sn(i) === sn(i + 1) ? S[i + 1] : -1;
    return inner + exteriorStemEnergy(P, RTYPE[type], s5, s3) + P.duplexInit;
  };

  const updateFms3 = () => {
    const start = cut + 1;
    for (let j = start; j <= n; j++) {
      let e = start < j ? fms3[j - 1] : 0;
      const s3 = ext3(j);
      if (c[at(start, j)] < INF) e = Math.min(e, c[at(start, j)] + exteriorStemEnergy(P, typeOf(start, j), -1, s3));
      for (let k = start; k < j; k++) {
        const ckj = c[at(k + 1, j)];
        if (ckj < INF && fms3[k] < INF) {
          e = Math.min(e, fms3[k] + ckj + exteriorStemEnergy(P, typeOf(k + 1, j), S[k], s3));
        }
      }
      fms3[j] = e;
    }
  };
  const updateFms5 = (i: number) => {
    let e = i < cut ? fms5[i + 1] : 0;
    const s5 = ext5(i);
    for (let k = i + 1; k < cut; k++) {
      const cik = c[at(i, k)];
      if (cik < INF && fms5[k + 1] < INF) e = Math.min(e, fms5[k + 1] + cik + exteriorStemEnergy(P, typeOf(i, k), s5, S[k + 1]));
    }
    if (c[at(i, cut)] < INF) e = Math.min(e, c[at(i, cut)] + exteriorStemEnergy(P, typeOf(i, cut), s5, -1));
    fms5[i] = e;
  };

  for (let i = n; i >= 1; i--) {
    if (i === cut) updateFms3();
    for (let j = i + 1; j <= n; j++) {
      let cij = INF;
      if (canPair(i, j)) {
        const type = typeOf(i, j);
        const cross = sn(i) !== sn(j);
        if (!cross) cij = hairpin(i, j, type);
        // interior loops: the nick may not lie in the unpaired parts
        for (let p = i + 1; p <= Math.min(j - 2, i + MAXLOOP + 1); p++) {
          if (sn(p) !== sn(i)) break;
          const minq = Math.max(p + 1, j - i + p - MAXLOOP - 2);
          for (let q = j - 1; q >= minq; q--) {
            if (sn(q) !== sn(j)) break;
            const cpq = c[at(p, q)];
            if (cpq >= INF) continue;
            const e = cpq + interiorEnergy(P, p - i - 1, j - q - 1, type, RTYPE[typeOf(p, q)], S[i + 1], S[j - 1], S[p - 1], S[q + 1]);
            if (e < cij) cij = e;
          }
        }
        // multi-loop
        if (sn(i) === sn(i + 1) && sn(j - 1) === sn(j) && j - i > 2) {
          const d = mlSplit(i + 1, j - 1);
          if (d < INF) cij = Math.min(cij, d + P.mlClosing + multiStemEnergy(P, RTYPE[type], S[j - 1], S[i + 1]));
        }
        if (cross) cij = Math.min(cij, nickLoop(i, j, type));
        c[at(i, j)] = cij >= INF ? INF : cij;
      }
      // multi-loop segments
      let f = INF;
      if (sn(i) === sn(i + 1) && fml[at(i + 1, j)] < INF) f = fml[at(i + 1, j)] + P.mlBase;
      if (sn(j - 1) === sn(j) && j - 1 > i && fml[at(i, j - 1)] < INF) f = Math.min(f, fml[at(i, j - 1)] + P.mlBase);
      if (cij < INF) f = Math.min(f, cij + multiStemEnergy(P, typeOf(i, j), S[i - 1], S[j + 1]));
      f = Math.min(f, mlSplit(i, j));
      fml[at(i, j)] = f;
    }
    if (i <= cut) updateFms5(i);
  }

  const f5 = new Int32Array(n + 1);
  for (let j = 1; j <= n; j++) {
    let f = f5[j - 1];
    for (let k = 1; k < j; k++) {
      const ckj = c[at(k, j)];
      if (ckj < INF) f = Math.min(f, f5[k - 1] + ckj + exteriorStemEnergy(P, typeOf(k, j), ext5(k), ext3(j)));
    }
    f5[j] = f;
  }

  // backtracking (first optimal decomposition found)
  const pt = new Int32Array(n + 1);
  pt[0] = n;
  type Seg = { k: 'f5'; j: number } | { k: 'ml'; i: number; j: number } | { k: 'c'; i: number; j: number } | { k: 'ms5'; i: number } | { k: 'ms3'; j: number };
  const stack: Seg[] = [{ k: 'f5', j: n }];
  const fail = (what: string): never => {
    throw new Error(`cofold backtracking failed in ${what}`);
  };
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (s.k === 'f5') {
      let j = s.j;
      while (j > 0 && f5[j] === f5[j - 1]) j--;
      if (j === 0) continue;
      let done = false;
      for (let k = j - 1; k >= 1 && !done; k--) {
        const ckj = c[at(k, j)];
        if (ckj < INF && f5[j] === f5[k - 1] + ckj + exteriorStemEnergy(P, typeOf(k, j), ext5(k), ext3(j))) {
          stack.push({ k: 'f5', j: k - 1 }, { k: 'c', i: k, j });
          done = true;
        }
      }
      if (!done) fail('f5');
    } else if (s.k === 'ms5') {
      const i = s.i;
      if (i > cut) continue;
      const e = fms5[i];
      if (e === (i < cut ? fms5[i + 1] : 0)) {
        if (i < cut) stack.push({ k: 'ms5', i: i + 1 });
        continue;
      }
      let done = false;
      if (c[at(i, cut)] < INF && e === c[at(i, cut)] + exteriorStemEnergy(P, typeOf(i, cut), ext5(i), -1)) {
        stack.push({ k: 'c', i, j: cut });
        done = true;
      }
      for (let k = i + 1; k < cut && !done; k++) {
        const cik = c[at(i, k)];
        if (cik < INF && e === fms5[k + 1] + cik + exteriorStemEnergy(P, typeOf(i, k), ext5(i), S[k + 1])) {
          stack.push({ k: 'c', i, j: k }, { k: 'ms5', i: k + 1 });
          done = true;
        }
      }
      if (!done) fail('fms5');
    } else if (s.k === 'ms3') {
      const j = s.j;
      const start = cut + 1;
      if (j < start) continue;
      const e = fms3[j];
      if (e === (start < j ? fms3[j - 1] : 0)) {
        if (start < j) stack.push({ k: 'ms3', j: j - 1 });
        continue;
      }
      let done = false;
      if (c[at(start, j)] < INF && e === c[at(start, j)] + exteriorStemEnergy(P, typeOf(start, j), -1, ext3(j))) {
        stack.push({ k: 'c', i: start, j });
        done = true;
      }
      for (let k = start; k < j && !done; k++) {
        const ckj = c[at(k + 1, j)];
        if (ckj < INF && fms3[k] < INF && e === fms3[k] + ckj + exteriorStemEnergy(P, typeOf(k + 1, j), S[k], ext3(j))) {
          stack.push({ k: 'c', i: k + 1, j }, { k: 'ms3', j: k });
          done = true;
        }
      }
      if (!done) fail('fms3');
    } else if (s.k === 'ml') {
      const { i, j } = s;
      const f = fml[at(i, j)];
      if (sn(j - 1) === sn(j) && j - 1 > i && f === fml[at(i, j - 1)] + P.mlBase) stack.push({ k: 'ml', i, j: j - 1 });
      else if (sn(i) === sn(i + 1) && f === fml[at(i + 1, j)] + P.mlBase) stack.push({ k: 'ml', i: i + 1, j });
      else if (c[at(i, j)] < INF && f === c[at(i, j)] + multiStemEnergy(P, typeOf(i, j), S[i - 1], S[j + 1])) stack.push({ k: 'c', i, j });
      else {
        let done = false;
        for (let u = i; u < j && !done; u++) {
          if (u === cut) continue;
          const x = fml[at(i, u)];
          const y = fml[at(u + 1, j)];
          if (x < INF && y < INF && x + y === f) {
            stack.push({ k: 'ml', i, j: u }, { k: 'ml', i: u + 1, j });
            done = true;
          }
        }
        if (!done) fail('fML');
      }
    } else {
      const { i, j } = s;
      pt[i] = j;
      pt[j] = i;
      const cij = c[at(i, j)];
      const type = typeOf(i, j);
      const cross = sn(i) !== sn(j);
      if (!cross && cij === hairpin(i, j, type)) continue;
      let done = false;
      for (let p = i + 1; p <= Math.min(j - 2, i + MAXLOOP + 1) && !done; p++) {
        if (sn(p) !== sn(i)) break;
        const minq = Math.max(p + 1, j - i + p - MAXLOOP - 2);
        for (let q = j - 1; q >= minq; q--) {
          if (sn(q) !== sn(j)) break;
          const cpq = c[at(p, q)];
          if (cpq >= INF) continue;
          if (cij === cpq + interiorEnergy(P, p - i - 1, j - q - 1, type, RTYPE[typeOf(p, q)], S[i + 1], S[j - 1], S[p - 1], S[q + 1])) {
            stack.push({ k: 'c', i: p, j: q });
            done = true;
            break;
          }
        }
      }
      if (done) continue;
      if (cross && cij === nickLoop(i, j, type)) {
        if (i < cut) stack.push({ k: 'ms5', i: i + 1 });
        if (j > cut + 1) stack.push({ k: 'ms3', j: j - 1 });
        continue;
      }
      const e = cij - P.mlClosing - multiStemEnergy(P, RTYPE[type], S[j - 1], S[i + 1]);
      for (let u = i + 1; u < j - 1 && !done; u++) {
        if (u === cut) continue;
        const x = fml[at(i + 1, u)];
        const y = fml[at(u + 1, j - 1)];
        if (x < INF && y < INF && x + y === e) {
          stack.push({ k: 'ml', i: i + 1, j: u }, { k: 'ml', i: u + 1, j: j - 1 });
          done = true;
        }
      }
      if (!done) fail(`pair (${i},${j})`);
    }
  }
  return { energy: f5[n], pt, cut };
}
