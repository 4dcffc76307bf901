// Integer free-energy parameters (dcal/mol) at a given temperature, in flat typed arrays, built
// from a raw parameter set exactly as ViennaRNA's get_scaled_params() does:
// G(T) = H - (H - G37) * (T + 273.15) / 310.15, truncated towards zero like a C double->int
// assignment; mismatches of exterior/multi loops and dangles are clamped to <= 0.
// Model: ViennaRNA (Lorenz et al. 2011) with its defaults (dangles = 2, no salt correction);
// default data: Turner 2004 via ViennaRNA's rna_turner2004.par. Hand-written (no maintained TS/JS
// library implements this model).

import { LXC37, MAXLOOP, type RawParams, type TablePair } from './params/rawParams';

/** 0 °C in Kelvin, as ViennaRNA's K0. */
export const K0 = 273.15;
/** Gas constant in cal/(mol K), as ViennaRNA's GASCONST. */
export const GASCONST = 1.98717;

export interface EnergyParams {
  readonly name: string;
  readonly temperature: number;
  /** [NP*NP] stack[t1*8+t2] */
  readonly stack: Int32Array;
  /** [31] indexed by loop size */
  readonly hairpin: Int32Array;
  readonly bulge: Int32Array;
  readonly interior: Int32Array;
  /** [NP*25] m[t*25 + a*5 + b] */
  readonly mismatchH: Int32Array;
  readonly mismatchI: Int32Array;
  readonly mismatch1nI: Int32Array;
  readonly mismatch23I: Int32Array;
  readonly mismatchM: Int32Array;
  readonly mismatchExt: Int32Array;
  /** [NP*5] d[t*5 + a] */
  readonly dangle5: Int32Array;
  readonly dangle3: Int32Array;
  /** [NP*NP*25] int11[((t1*8+t2)*5+a)*5+b] */
  readonly int11: Int32Array;
  /** [NP*NP*125] */
  readonly int21: Int32Array;
  /** [NP*NP*625] */
  readonly int22: Int32Array;
  readonly ninio: number;
  readonly maxNinio: number;
  readonly terminalAU: number;
  readonly duplexInit: number;
  readonly mlBase: number;
  readonly mlClosing: number;
  readonly mlIntern: number;
  /** loop extrapolation coefficient at this temperature */
  readonly lxc: number;
  readonly triloops: ReadonlyMap<string, number>;
  readonly tetraloops: ReadonlyMap<string, number>;
  readonly hexaloops: ReadonlyMap<string, number>;
}

/** G(T) from G(37) and H as a double (ViennaRNA's RESCALE_dG). */
export function rescale(dG: number, dH: number, tempFactor: number): number {
  return dH - (dH - dG) * tempFactor;
}

function scaled(t: TablePair, f: number, clampPositive = false): Int32Array {
  const out = new Int32Array(t.dG.length);
  for (let k = 0; k < out.length; k++) {
    const v = Math.trunc(rescale(t.dG[k], t.dH[k], f));
    out[k] = clampPositive && v > 0 ? 0 : v;
  }
  return out;
}

function loopMap(list: RawParams['tetraloops'], f: number): Map<string, number> {
  const m = new Map<string, number>();
  for (const h of list) if (!m.has(h.seq)) m.set(h.seq, Math.trunc(rescale(h.dG, h.dH, f)));
  return m;
}

export function buildEnergyParams(raw: RawParams, temperature = 37): EnergyParams {
  const f = (temperature + K0) / (37 + K0);
  const loop = (t: TablePair): Int32Array => {
    const out = scaled(t, f);
    return out.length > MAXLOOP + 1 ? out.subarray(0, MAXLOOP + 1) : out;
  };
  return {
    name: raw.name,
    temperature,
    stack: scaled(raw.stack, f),
    hairpin: loop(raw.hairpin),
    bulge: loop(raw.bulge),
    interior: loop(raw.interior),
    mismatchH: scaled(raw.mismatchHairpin, f),
    mismatchI: scaled(raw.mismatchInterior, f),
    mismatch1nI: scaled(raw.mismatchInterior1n, f),
    mismatch23I: scaled(raw.mismatchInterior23, f),
    mismatchM: scaled(raw.mismatchMulti, f, true),
    mismatchExt: scaled(raw.mismatchExterior, f, true),
    dangle5: scaled(raw.dangle5, f, true),
    dangle3: scaled(raw.dangle3, f, true),
    int11: scaled(raw.int11, f),
    int21: scaled(raw.int21, f),
    int22: scaled(raw.int22, f),
    ninio: Math.trunc(rescale(raw.ninio[0], raw.ninio[1], f)),
    maxNinio: raw.ninio[2],
    terminalAU: Math.trunc(rescale(raw.misc[2], raw.misc[3], f)),
    duplexInit: Math.trunc(rescale(raw.misc[0], raw.misc[1], f)),
    mlBase: Math.trunc(rescale(raw.ml[0], raw.ml[1], f)),
    mlClosing: Math.trunc(rescale(raw.ml[2], raw.ml[3], f)),
    mlIntern: Math.trunc(rescale(raw.ml[4], raw.ml[5], f)),
    lxc: LXC37 * f,
    triloops: loopMap(raw.triloops, f),
    tetraloops: loopMap(raw.tetraloops, f),
    hexaloops: loopMap(raw.hexaloops, f),
  };
}
