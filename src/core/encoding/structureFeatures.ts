// Structure composition of a dot-bracket string (with its sequence when known): the loop type of
// every position in bpRNA / OpenVaccine `predicted_loop_type` letters (S stem, H hairpin, B bulge,
// I interior, M multiloop, E exterior end, X exterior between branches) computed from the pair
// table, and summaries: fraction paired, stems, hairpins, mean stem length, fraction of positions
// per loop type, GC / AU / GU pair fractions and paired/unpaired base composition.
//
// Pseudoknots: every paired position is S; loops are classified on the nested part of the
// structure ('()' pairs, then other bracket families' pairs that cross none already kept).
import { partnersOf } from './partners';

/** Partner table of the largest nested subset described above (0-based, -1 unpaired). */
export function nestedPartners(structure: string, partner: Int32Array = partnersOf(structure)): Int32Array {
  let plain = true;
  for (let i = 0; i < structure.length && plain; i++) {
    const c = structure.charCodeAt(i);
    if (partner[i] >= 0 && c !== 0x28 && c !== 0x29) plain = false;
  }
  if (plain) return partner;
  const nested = new Int32Array(structure.length).fill(-1);
  const families = ['(', '[', '{', '<'];
  for (let c = 65; c <= 90; c++) families.push(String.fromCharCode(c));
  for (const open of families) {
    for (let i = 0; i < structure.length; i++) {
      const j = partner[i];
      if (structure[i] !== open || j <= i) continue;
      let crosses = false;
      for (let k = i + 1; k < j && !crosses; k++) {
        const m = nested[k];
        if (m >= 0 && (m < i || m > j)) crosses = true;
      }
      if (!crosses) {
        nested[i] = j;
        nested[j] = i;
      }
    }
  }
  return nested;
}

/** Loop-type letter of every position (see the file header). */
export function loopTypes(structure: string, full: Int32Array = partnersOf(structure)): string {
  const codes = loopTypeCodes(structure, full);
  let text = '';
  for (let k = 0; k < codes.length; k += 8192) text += String.fromCharCode(...codes.subarray(k, k + 8192));
  return text;
}

const S = 83, H = 72, B = 66, I = 73, M = 77, E = 69, X = 88;

/** Loop-type letters as character codes (no string building: the feature hot path). */
export function loopTypeCodes(structure: string, full: Int32Array = partnersOf(structure)): Uint8Array {
  const pt = nestedPartners(structure, full);
  const n = structure.length;
  const out = new Uint8Array(n);
  const mark = (from: number, to: number, letter: number) => {
    for (let k = from; k < to; k++) if (full[k] < 0) out[k] = letter;
  };
  for (let k = 0; k < n; k++) if (full[k] >= 0) out[k] = S;
  // Loops closed by each pair (i, j).
  for (let i = 0; i < n; i++) {
    const j = pt[i];
    if (j <= i) continue;
    let inner = 0;
    let firstInner = -1;
    for (let k = i + 1; k < j; k = pt[k] > k ? pt[k] + 1 : k + 1) {
      if (pt[k] > k) {
        if (inner === 0) firstInner = k;
        inner++;
      }
    }
    if (inner === 0) mark(i + 1, j, H);
    else if (inner === 1) {
      const left = firstInner - i - 1;
      const right = j - pt[firstInner] - 1;
      if (left > 0 || right > 0) {
        const letter = left > 0 && right > 0 ? I : B;
        mark(i + 1, firstInner, letter);
        mark(pt[firstInner] + 1, j, letter);
      }
    } else {
      for (let k = i + 1; k < j; k = pt[k] > k ? pt[k] + 1 : k + 1) if (pt[k] < 0 && full[k] < 0) out[k] = M;
    }
  }
  // Exterior loop: ends are E, stretches between top-level branches X (the positions still unset).
  let first = -1;
  let last = -1;
  for (let k = 0; k < n; k = pt[k] > k ? pt[k] + 1 : k + 1) {
    if (pt[k] > k) {
      if (first < 0) first = k;
      last = pt[k];
    }
  }
  if (first < 0) mark(0, n, E);
  else {
    mark(0, first, E);
    mark(last + 1, n, E);
    for (let k = first; k <= last; k++) if (out[k] === 0) out[k] = X;
  }
  return out;
}

export interface StructureComposition {
  length: number;
  pairs: number;
  fractionPaired: number;
  /** Helices of stacked pairs (i, j), (i+1, j-1), ... */
  stems: number;
  hairpins: number;
  /** Pairs per stem (0 without pairs). */
  meanStemLength: number;
  fractionHairpin: number;
  fractionBulge: number;
  fractionInterior: number;
  fractionMultiloop: number;
  /** E and X positions. */
  fractionExterior: number;
  /** Pair counts by type (need the sequence; 0 otherwise). */
  gcPairs: number;
  auPairs: number;
  guPairs: number;
  otherPairs: number;
  /** Per base A C G U: fraction of the length that is this base and paired / unpaired. */
  paired: [number, number, number, number];
  unpaired: [number, number, number, number];
}


export function structureComposition(structure: string, sequence?: string): StructureComposition {
  const n = structure.length;
  const partner = partnersOf(structure);
  const loops = loopTypeCodes(structure, partner);
  const count = new Int32Array(128);
  for (let k = 0; k < n; k++) count[loops[k]]++;
  let pairs = 0;
  let stems = 0;
  const byType = [0, 0, 0, 0]; // GC, AU, GU, other
  for (let i = 0; i < n; i++) {
    const j = partner[i];
    if (j <= i) continue;
    pairs++;
    if (!(i > 0 && j + 1 < n && partner[i - 1] === j + 1)) stems++;
    if (sequence) byType[pairTypeIndex(sequence.charCodeAt(i), sequence.charCodeAt(j))]++;
  }
  const nested = nestedPartners(structure, partner);
  let hairpins = 0;
  for (let i = 0; i < n; i++) {
    const j = nested[i];
    if (j <= i) continue;
    let k = i + 1;
    while (k < j && nested[k] < 0) k++;
    if (k === j) hairpins++;
  }
  const paired: [number, number, number, number] = [0, 0, 0, 0];
  const unpaired: [number, number, number, number] = [0, 0, 0, 0];
  if (sequence) {
    for (let k = 0; k < n && k < sequence.length; k++) {
      const c = sequence.charCodeAt(k);
      const b = c < 128 ? BASE_INDEX[c] : -1;
      if (b < 0) continue;
      (partner[k] >= 0 ? paired : unpaired)[b]++;
    }
    for (let b = 0; b < 4; b++) {
      paired[b] /= n;
      unpaired[b] /= n;
    }
  }
  const f = (x: number) => (n > 0 ? x / n : 0);
  return {
    length: n,
    pairs,
    fractionPaired: f(count[S]),
    stems,
    hairpins,
    meanStemLength: stems > 0 ? pairs / stems : 0,
    fractionHairpin: f(count[H]),
    fractionBulge: f(count[B]),
    fractionInterior: f(count[I]),
    fractionMultiloop: f(count[M]),
    fractionExterior: f(count[E] + count[X]),
    gcPairs: byType[0],
    auPairs: byType[1],
    guPairs: byType[2],
    otherPairs: byType[3],
    paired,
    unpaired,
  };
}

/** 0 A, 1 C, 2 G, 3 U/T (any case), -1 otherwise. */
const BASE_INDEX = (() => {
  const t = new Int8Array(128).fill(-1);
  'ACGU'.split('').forEach((c, i) => {
    t[c.charCodeAt(0)] = i;
    t[c.toLowerCase().charCodeAt(0)] = i;
  });
  t[84] = 3;
  t[116] = 3;
  return t;
})();

/** Pair type index from two character codes: 0 GC, 1 AU, 2 GU, 3 other. */
function pairTypeIndex(x: number, y: number): number {
  const a = x < 128 ? BASE_INDEX[x] : -1;
  const b = y < 128 ? BASE_INDEX[y] : -1;
  if (a < 0 || b < 0) return 3;
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  if (lo === 1 && hi === 2) return 0;
  if (lo === 0 && hi === 3) return 1;
  if (lo === 2 && hi === 3) return 2;
  return 3;
}

/** 'GC', 'AU', 'GU' (either orientation, T = U, any case) or 'other'. */
export function pairType(x: string, y: string): 'GC' | 'AU' | 'GU' | 'other' {
  return (['GC', 'AU', 'GU', 'other'] as const)[pairTypeIndex(x.charCodeAt(0), y.charCodeAt(0))];
}

/** Names of the values written by structureFeaturesInto, in order. */
export const STRUCTURE_FEATURE_NAMES = [
  'fractionPaired', 'fractionHairpin', 'fractionBulge', 'fractionInterior', 'fractionMultiloop', 'fractionExterior',
  'stems', 'hairpins', 'meanStemLength', 'gcPairFraction', 'auPairFraction', 'guPairFraction',
  'pairedA', 'pairedC', 'pairedG', 'pairedU', 'unpairedA', 'unpairedC', 'unpairedG', 'unpairedU',
] as const;

/** Writes the structure summary as STRUCTURE_FEATURE_NAMES.length numbers at `out[offset...]`. */
export function structureFeaturesInto(structure: string, sequence: string | undefined, out: Float32Array | Float64Array, offset = 0): void {
  const c = structureComposition(structure, sequence);
  const perPair = (x: number) => (c.pairs > 0 ? x / c.pairs : 0);
  let o = offset;
  out[o++] = c.fractionPaired;
  out[o++] = c.fractionHairpin;
  out[o++] = c.fractionBulge;
  out[o++] = c.fractionInterior;
  out[o++] = c.fractionMultiloop;
  out[o++] = c.fractionExterior;
  out[o++] = c.stems;
  out[o++] = c.hairpins;
  out[o++] = c.meanStemLength;
  out[o++] = perPair(c.gcPairs);
  out[o++] = perPair(c.auPairs);
  out[o++] = perPair(c.guPairs);
  for (let b = 0; b < 4; b++) out[o++] = c.paired[b];
  for (let b = 0; b < 4; b++) out[o++] = c.unpaired[b];
}
