// Boltzmann factors exp(-G/kT) of all loop parameters for the partition function, built like
// ViennaRNA's get_scaled_exp_params() with its defaults (pf_smooth on): energies are rescaled in
// double precision (no truncation), and the exterior/multi-loop mismatches and dangles go through
// ViennaRNA's smoothing function so that they never destabilise. kT = (T + 273.15) * 1.98717 cal/mol.
// Hand-written after ViennaRNA (Lorenz et al. 2011); no maintained TS/JS library does this.

import { GASCONST, K0, rescale } from './energyParams';
import { LXC37, MAXLOOP, type RawParams, type TablePair } from './params/rawParams';

export interface BoltzmannParams {
  readonly temperature: number;
  /** kT in cal/mol */
  readonly kT: number;
  readonly expStack: Float64Array;
  readonly expHairpin: Float64Array;
  readonly expBulge: Float64Array;
  readonly expInterior: Float64Array;
  readonly expMismatchH: Float64Array;
  readonly expMismatchI: Float64Array;
  readonly expMismatch1nI: Float64Array;
  readonly expMismatch23I: Float64Array;
  readonly expMismatchM: Float64Array;
  readonly expMismatchExt: Float64Array;
  readonly expDangle5: Float64Array;
  readonly expDangle3: Float64Array;
  readonly expInt11: Float64Array;
  readonly expInt21: Float64Array;
  readonly expInt22: Float64Array;
  /** exp of min(maxNinio, k * ninio) for asymmetry k = 0..MAXLOOP */
  readonly expNinio: Float64Array;
  readonly expTermAU: number;
  readonly expDuplexInit: number;
  readonly expMLbase: number;
  readonly expMLclosing: number;
  readonly expMLintern: number;
  readonly lxc: number;
  readonly expTriloops: ReadonlyMap<string, number>;
  readonly expTetraloops: ReadonlyMap<string, number>;
  readonly expHexaloops: ReadonlyMap<string, number>;
}

const SCALE = 10;

/** ViennaRNA's SMOOTH(): a smooth version of max(0, x) for dangle/mismatch bonuses (dcal/mol). */
export function smooth(x: number): number {
  if (x / SCALE < -1.2283697) return 0;
  if (x / SCALE > 0.8660254) return x;
  const s = Math.sin(x / SCALE - 0.34242663) + 1;
  return SCALE * 0.38490018 * s * s;
}

export function buildBoltzmannParams(raw: RawParams, temperature = 37): BoltzmannParams {
  const f = (temperature + K0) / (37 + K0);
  const kT = (temperature + K0) * GASCONST;
  const bf = (g: number) => Math.exp((-g * 10) / kT);
  const table = (t: TablePair, smoothed = false): Float64Array => {
    const out = new Float64Array(t.dG.length);
    for (let k = 0; k < out.length; k++) {
      const g = rescale(t.dG[k], t.dH[k], f);
      out[k] = smoothed ? Math.exp((smooth(-g) * 10) / kT) : bf(g);
    }
    return out;
  };
  const loop = (t: TablePair) => table(t).subarray(0, MAXLOOP + 1);
  const scalar = (dG: number, dH: number) => bf(rescale(dG, dH, f));
  const loopMap = (list: RawParams['tetraloops']) => {
    const m = new Map<string, number>();
    for (const h of list) if (!m.has(h.seq)) m.set(h.seq, scalar(h.dG, h.dH));
    return m;
  };
  const ninio = rescale(raw.ninio[0], raw.ninio[1], f);
  const expNinio = new Float64Array(MAXLOOP + 1);
  for (let k = 0; k <= MAXLOOP; k++) expNinio[k] = bf(Math.min(raw.ninio[2], k * ninio));
  return {
    temperature,
    kT,
    expStack: table(raw.stack),
    expHairpin: loop(raw.hairpin),
    expBulge: loop(raw.bulge),
    expInterior: loop(raw.interior),
    expMismatchH: table(raw.mismatchHairpin),
    expMismatchI: table(raw.mismatchInterior),
    expMismatch1nI: table(raw.mismatchInterior1n),
    expMismatch23I: table(raw.mismatchInterior23),
    expMismatchM: table(raw.mismatchMulti, true),
    expMismatchExt: table(raw.mismatchExterior, true),
    expDangle5: table(raw.dangle5, true),
    expDangle3: table(raw.dangle3, true),
    expInt11: table(raw.int11),
    expInt21: table(raw.int21),
    expInt22: table(raw.int22),
    expNinio,
    expTermAU: scalar(raw.misc[2], raw.misc[3]),
    expDuplexInit: scalar(raw.misc[0], raw.misc[1]),
    expMLbase: scalar(raw.ml[0], raw.ml[1]),
    expMLclosing: scalar(raw.ml[2], raw.ml[3]),
    expMLintern: scalar(raw.ml[4], raw.ml[5]),
    lxc: LXC37 * f,
    expTriloops: loopMap(raw.triloops),
    expTetraloops: loopMap(raw.tetraloops),
    expHexaloops: loopMap(raw.hexaloops),
  };
}
