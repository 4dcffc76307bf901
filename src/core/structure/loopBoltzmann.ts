// Boltzmann weights exp(-G/kT) of the loop types, mirroring ViennaRNA's exp_E_Hairpin,
// exp_E_IntLoop, exp_E_ExtLoop and exp_E_MLstem (Lorenz et al. 2011). Scaling factors for the
// unpaired bases are applied by the callers. Hand-written (no maintained TS/JS library does this).

import type { BoltzmannParams } from './boltzmannParams';

export function expHairpin(
  B: BoltzmannParams,
  u: number,
  type: number,
  si1: number,
  sj1: number,
  loop: string,
): number {
  let q = u <= 30 ? B.expHairpin[u] : B.expHairpin[30] * Math.exp((-(B.lxc * Math.log(u / 30)) * 10) / B.kT);
  if (u < 3) return q;
  if (u === 4) {
    const t = B.expTetraloops.get(loop);
    if (t !== undefined) return t;
  } else if (u === 6) {
    const t = B.expHexaloops.get(loop);
    if (t !== undefined) return t;
  } else if (u === 3) {
    const t = B.expTriloops.get(loop);
    if (t !== undefined) return t;
    return type > 2 ? q * B.expTermAU : q;
  }
  q *= B.expMismatchH[type * 25 + si1 * 5 + sj1];
  return q;
}

/** Interior loop weight; arguments as interiorEnergy() in loopEnergy.ts. */
export function expInterior(
  B: BoltzmannParams,
  u1: number,
  u2: number,
  type: number,
  type2: number,
  si1: number,
  sj1: number,
  sp1: number,
  sq1: number,
): number {
  let ul: number, us: number;
  if (u1 > u2) {
    ul = u1;
    us = u2;
  } else {
    ul = u2;
    us = u1;
  }
  if (ul === 0) return B.expStack[type * 8 + type2];
  if (us === 0) {
    let z = B.expBulge[ul];
    if (ul === 1) z *= B.expStack[type * 8 + type2];
    else {
      if (type > 2) z *= B.expTermAU;
      if (type2 > 2) z *= B.expTermAU;
    }
    return z;
  }
  if (us === 1) {
    if (ul === 1) return B.expInt11[((type * 8 + type2) * 5 + si1) * 5 + sj1];
    if (ul === 2) {
      if (u1 === 1) return B.expInt21[(((type * 8 + type2) * 5 + si1) * 5 + sq1) * 5 + sj1];
      return B.expInt21[(((type2 * 8 + type) * 5 + sq1) * 5 + si1) * 5 + sp1];
    }
    return (
      B.expInterior[ul + us] *
      B.expMismatch1nI[type * 25 + si1 * 5 + sj1] *
      B.expMismatch1nI[type2 * 25 + sq1 * 5 + sp1] *
      B.expNinio[ul - us]
    );
  }
  if (us === 2) {
    if (ul === 2) return B.expInt22[((((type * 8 + type2) * 5 + si1) * 5 + sp1) * 5 + sq1) * 5 + sj1];
    if (ul === 3) {
      return (
        B.expInterior[5] *
        B.expMismatch23I[type * 25 + si1 * 5 + sj1] *
        B.expMismatch23I[type2 * 25 + sq1 * 5 + sp1] *
        B.expNinio[1]
      );
    }
  }
  return (
    B.expInterior[ul + us] *
    B.expMismatchI[type * 25 + si1 * 5 + sj1] *
    B.expMismatchI[type2 * 25 + sq1 * 5 + sp1] *
    B.expNinio[ul - us]
  );
}

/** Exterior-loop stem weight; n5/n3 neighbours or -1. */
export function expExteriorStem(B: BoltzmannParams, type: number, n5: number, n3: number): number {
  let q = 1;
  if (n5 >= 0 && n3 >= 0) q = B.expMismatchExt[type * 25 + n5 * 5 + n3];
  else if (n5 >= 0) q = B.expDangle5[type * 5 + n5];
  else if (n3 >= 0) q = B.expDangle3[type * 5 + n3];
  if (type > 2) q *= B.expTermAU;
  return q;
}

/** Multi-loop stem weight (including MLintern); n5/n3 neighbours or -1. */
export function expMultiStem(B: BoltzmannParams, type: number, n5: number, n3: number): number {
  let q = B.expMLintern;
  if (n5 >= 0 && n3 >= 0) q *= B.expMismatchM[type * 25 + n5 * 5 + n3];
  else if (n5 >= 0) q *= B.expDangle5[type * 5 + n5];
  else if (n3 >= 0) q *= B.expDangle3[type * 5 + n3];
  if (type > 2) q *= B.expTermAU;
  return q;
}
