// Free energies (integer dcal/mol) of the loop types of the nearest-neighbour model, as defined by
// ViennaRNA 2.x (Lorenz et al. 2011) with dangles = 2 and Turner 2004 conventions: hairpins with
// special tri/tetra/hexaloops, interior loops (stack, bulge, 1x1, 2x1, 2x2, 1xn, 2x3, generic with
// ninio asymmetry), exterior- and multi-loop stems with mismatch/dangle and terminal AU/GU penalty.
// Hand-written (no maintained TS/JS library implements this model).

import type { EnergyParams } from './energyParams';
import * as raw from './params/rawParams';

const MAXLOOP = raw.MAXLOOP; // module-local binding (hot code)

/**
 * Hairpin loop of `size` unpaired bases closed by a pair of `type`; si1/sj1 are the bases 3' of i
 * and 5' of j; `loop` is the sequence from i to j inclusive (for the special hairpins).
 */
export function hairpinEnergy(
  P: EnergyParams,
  size: number,
  type: number,
  si1: number,
  sj1: number,
  loop: string,
): number {
  let e = size <= 30 ? P.hairpin[size] : P.hairpin[30] + Math.trunc(P.lxc * Math.log(size / 30));
  if (size < 3) return e;
  if (size === 4) {
    const t = P.tetraloops.get(loop);
    if (t !== undefined) return t;
  } else if (size === 6) {
    const t = P.hexaloops.get(loop);
    if (t !== undefined) return t;
  } else if (size === 3) {
    const t = P.triloops.get(loop);
    if (t !== undefined) return t;
    return e + (type > 2 ? P.terminalAU : 0);
  }
  e += P.mismatchH[type * 25 + si1 * 5 + sj1];
  return e;
}

/**
 * Interior loop (stack, bulge or interior) closed by (i,j) of `type` with the inner pair (p,q) whose
 * reversed type (q,p) is `type2`; n1 = p-i-1, n2 = j-q-1; si1 = S[i+1], sj1 = S[j-1],
 * sp1 = S[p-1], sq1 = S[q+1].
 */
export function interiorEnergy(
  P: EnergyParams,
  n1: number,
  n2: number,
  type: number,
  type2: number,
  si1: number,
  sj1: number,
  sp1: number,
  sq1: number,
): number {
  let nl: number, ns: number;
  if (n1 > n2) {
    nl = n1;
    ns = n2;
  } else {
    nl = n2;
    ns = n1;
  }
  if (nl === 0) return P.stack[type * 8 + type2];
  if (ns === 0) {
    let e = nl <= MAXLOOP ? P.bulge[nl] : P.bulge[30] + Math.trunc(P.lxc * Math.log(nl / 30));
    if (nl === 1) e += P.stack[type * 8 + type2];
    else {
      if (type > 2) e += P.terminalAU;
      if (type2 > 2) e += P.terminalAU;
    }
    return e;
  }
  if (ns === 1) {
    if (nl === 1) return P.int11[((type * 8 + type2) * 5 + si1) * 5 + sj1];
    if (nl === 2) {
      if (n1 === 1) return P.int21[(((type * 8 + type2) * 5 + si1) * 5 + sq1) * 5 + sj1];
      return P.int21[(((type2 * 8 + type) * 5 + sq1) * 5 + si1) * 5 + sp1];
    }
    let e =
      nl + 1 <= MAXLOOP
        ? P.interior[nl + 1]
        : P.interior[30] + Math.trunc(P.lxc * Math.log((nl + 1) / 30));
    e += Math.min(P.maxNinio, (nl - ns) * P.ninio);
    e += P.mismatch1nI[type * 25 + si1 * 5 + sj1] + P.mismatch1nI[type2 * 25 + sq1 * 5 + sp1];
    return e;
  }
  if (ns === 2) {
    if (nl === 2) return P.int22[((((type * 8 + type2) * 5 + si1) * 5 + sp1) * 5 + sq1) * 5 + sj1];
    if (nl === 3) {
      return (
        P.interior[5] +
        P.ninio +
        P.mismatch23I[type * 25 + si1 * 5 + sj1] +
        P.mismatch23I[type2 * 25 + sq1 * 5 + sp1]
      );
    }
  }
  const u = nl + ns;
  let e = u <= MAXLOOP ? P.interior[u] : P.interior[30] + Math.trunc(P.lxc * Math.log(u / 30));
  e += Math.min(P.maxNinio, (nl - ns) * P.ninio);
  e += P.mismatchI[type * 25 + si1 * 5 + sj1] + P.mismatchI[type2 * 25 + sq1 * 5 + sp1];
  return e;
}

/** Exterior-loop stem of `type`; n5/n3 are the neighbouring bases (-1 where there is none). */
export function exteriorStemEnergy(P: EnergyParams, type: number, n5: number, n3: number): number {
  let e = 0;
  if (n5 >= 0 && n3 >= 0) e += P.mismatchExt[type * 25 + n5 * 5 + n3];
  else if (n5 >= 0) e += P.dangle5[type * 5 + n5];
  else if (n3 >= 0) e += P.dangle3[type * 5 + n3];
  if (type > 2) e += P.terminalAU;
  return e;
}

/** Multi-loop stem of `type` (including MLintern); n5/n3 neighbours or -1. */
export function multiStemEnergy(P: EnergyParams, type: number, n5: number, n3: number): number {
  let e = P.mlIntern;
  if (n5 >= 0 && n3 >= 0) e += P.mismatchM[type * 25 + n5 * 5 + n3];
  else if (n5 >= 0) e += P.dangle5[type * 5 + n5];
  else if (n3 >= 0) e += P.dangle3[type * 5 + n3];
  if (type > 2) e += P.terminalAU;
  return e;
}
