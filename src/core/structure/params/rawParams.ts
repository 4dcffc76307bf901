// The raw nearest-neighbour parameter set as it appears in a ViennaRNA v2.0 `.par` file: free
// energies at 37 °C and enthalpies, both in dcal/mol, in ViennaRNA's array layout (pair types
// 1..7 = CG GC GU UG AU UA NN, bases 0..4 = N A C G U), flattened row-major into plain arrays.
// Temperature scaling and Boltzmann factors are derived from this in energyParams.ts and
// boltzmannParams.ts. Layout and value conventions follow the ViennaRNA Package (Lorenz et al. 2011).

/** Number of pair types without the "no pair" type 0 (ViennaRNA's NBPAIRS). */
export const NBPAIRS = 7;
/** Size of the pair-type dimension (types 0..7). */
export const NP = NBPAIRS + 1;
/** ViennaRNA's INF (used for forbidden loops in the parameter tables). */
export const INF = 10000000;
/** The `DEF` token of parameter files. */
export const DEF = -50;
/** Loop extrapolation coefficient at 37 °C (dcal/mol), ViennaRNA's lxc37. */
export const LXC37 = 107.856;
/** Largest tabulated loop size. */
export const MAXLOOP = 30;

/** A special hairpin (tri-, tetra- or hexaloop) including its closing pair. */
export interface SpecialHairpin {
  seq: string;
  dG: number;
  dH: number;
}

/** Free energy (37 °C) and enthalpy arrays of one parameter table. */
export interface TablePair {
  dG: number[];
  dH: number[];
}

export interface RawParams {
  /** Human-readable name (file name or "RNA - Turner 2004"). */
  name: string;
  /** [NP][NP] */
  stack: TablePair;
  /** [NP][5][5] each */
  mismatchHairpin: TablePair;
  mismatchInterior: TablePair;
  mismatchInterior1n: TablePair;
  mismatchInterior23: TablePair;
  mismatchMulti: TablePair;
  mismatchExterior: TablePair;
  /** [NP][5] */
  dangle5: TablePair;
  dangle3: TablePair;
  /** [NP][NP][5][5] */
  int11: TablePair;
  /** [NP][NP][5][5][5] */
  int21: TablePair;
  /** [NP][NP][5][5][5][5] */
  int22: TablePair;
  /** [31] */
  hairpin: TablePair;
  bulge: TablePair;
  interior: TablePair;
  /** ML_params: [base37, baseDH, closing37, closingDH, intern37, internDH] */
  ml: number[];
  /** NINIO: [ninio37, ninioDH, maxNinio] */
  ninio: number[];
  /** Misc: [duplexInit37, duplexInitDH, terminalAU37, terminalAUDH] */
  misc: number[];
  triloops: SpecialHairpin[];
  tetraloops: SpecialHairpin[];
  hexaloops: SpecialHairpin[];
}

/** Element counts of the flattened tables. */
export const TABLE_SIZE = {
  stack: NP * NP,
  mismatch: NP * 25,
  dangle: NP * 5,
  int11: NP * NP * 25,
  int21: NP * NP * 125,
  int22: NP * NP * 625,
  loop: MAXLOOP + 1,
} as const;

function table(size: number): TablePair {
  return { dG: new Array<number>(size).fill(0), dH: new Array<number>(size).fill(0) };
}

/** An all-zero parameter set (the starting point when no defaults are wanted). */
export function emptyRawParams(name: string): RawParams {
  return {
    name,
    stack: table(TABLE_SIZE.stack),
    mismatchHairpin: table(TABLE_SIZE.mismatch),
    mismatchInterior: table(TABLE_SIZE.mismatch),
    mismatchInterior1n: table(TABLE_SIZE.mismatch),
    mismatchInterior23: table(TABLE_SIZE.mismatch),
    mismatchMulti: table(TABLE_SIZE.mismatch),
    mismatchExterior: table(TABLE_SIZE.mismatch),
    dangle5: table(TABLE_SIZE.dangle),
    dangle3: table(TABLE_SIZE.dangle),
    int11: table(TABLE_SIZE.int11),
    int21: table(TABLE_SIZE.int21),
    int22: table(TABLE_SIZE.int22),
    hairpin: table(TABLE_SIZE.loop),
    bulge: table(TABLE_SIZE.loop),
    interior: table(TABLE_SIZE.loop),
    ml: [0, 0, 0, 0, 0, 0],
    ninio: [0, 0, 0],
    misc: [0, 0, 0, 0],
    triloops: [],
    tetraloops: [],
    hexaloops: [],
  };
}

/** Deep copy (loading a file overlays its sections on a copy of the defaults, as ViennaRNA does). */
export function cloneRawParams(p: RawParams, name = p.name): RawParams {
  const t = (x: TablePair): TablePair => ({ dG: x.dG.slice(), dH: x.dH.slice() });
  const loops = (l: SpecialHairpin[]): SpecialHairpin[] => l.map((h) => ({ ...h }));
  return {
    name,
    stack: t(p.stack),
    mismatchHairpin: t(p.mismatchHairpin),
    mismatchInterior: t(p.mismatchInterior),
    mismatchInterior1n: t(p.mismatchInterior1n),
    mismatchInterior23: t(p.mismatchInterior23),
    mismatchMulti: t(p.mismatchMulti),
    mismatchExterior: t(p.mismatchExterior),
    dangle5: t(p.dangle5),
    dangle3: t(p.dangle3),
    int11: t(p.int11),
    int21: t(p.int21),
    int22: t(p.int22),
    hairpin: t(p.hairpin),
    bulge: t(p.bulge),
    interior: t(p.interior),
    ml: p.ml.slice(),
    ninio: p.ninio.slice(),
    misc: p.misc.slice(),
    triloops: loops(p.triloops),
    tetraloops: loops(p.tetraloops),
    hexaloops: loops(p.hexaloops),
  };
}
