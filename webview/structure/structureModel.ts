// The record the structure panel draws, in the form every view needs: the drawn structure as a
// partner table and pair list (with the pseudoknot pairs marked), the base-pair probabilities as a
// sparse list and a lookup, and per-position unpaired probabilities. Pure: runs in Node and browser.
import { parsePairTable } from '../../src/core/structure/dotBracket';
import type { StructureRecord } from './messages';

export interface Pair {
  /** 0-based positions, i < j */
  i: number;
  j: number;
  /** true when the pair crosses the nested (pseudoknot-free) part of the structure */
  pseudoknot: boolean;
}

export interface StructureModel {
  record: StructureRecord;
  n: number;
  sequence: string;
  /** partner[i] = j (0-based) or -1, over all pairs of the drawn structure */
  partner: Int32Array;
  /** partner table of the nested pairs only (what the 2D layout lays out) */
  nestedPartner: Int32Array;
  pairs: Pair[];
  /** base-pair probabilities p >= 1e-5, 0-based i < j */
  probabilities: { i: number; j: number; p: number }[];
  /** P(i unpaired) = 1 - sum_j p_ij */
  unpaired: Float64Array;
  /** probability of the pair (i, j) in the ensemble (0 when below the cutoff) */
  probability(i: number, j: number): number;
}

/** Pairs of a dot-bracket string; `(` pairs first, then every other bracket pair that does not cross them. */
export function structurePairs(structure: string): { partner: Int32Array; nested: Int32Array; pairs: Pair[] } {
  const table = parsePairTable(structure);
  const n = structure.length;
  const partner = table.partner;
  const nested = new Int32Array(n).fill(-1);
  const all: { i: number; j: number; round: boolean }[] = [];
  for (let i = 0; i < n; i++) {
    const j = partner[i];
    if (j > i) all.push({ i, j, round: structure[i] === '(' });
  }
  // Round brackets are nested among themselves; other families join when they cross nothing kept.
  const ordered = [...all.filter((p) => p.round), ...all.filter((p) => !p.round)];
  const kept: boolean[] = [];
  const crossesKept = (i: number, j: number) => {
    for (let k = i + 1; k < j; k++) {
      const m = nested[k];
      if (m >= 0 && (m < i || m > j)) return true;
    }
    return false;
  };
  for (const p of ordered) {
    const ok = !crossesKept(p.i, p.j) && nested[p.i] < 0 && nested[p.j] < 0;
    if (ok) {
      nested[p.i] = p.j;
      nested[p.j] = p.i;
    }
    kept.push(ok);
  }
  const pairs: Pair[] = ordered.map((p, k) => ({ i: p.i, j: p.j, pseudoknot: !kept[k] }));
  pairs.sort((a, b) => a.i - b.i);
  return { partner, nested, pairs };
}

export function buildStructureModel(record: StructureRecord): StructureModel {
  const n = record.sequence.length;
  const structure = record.structure.length === n ? record.structure : '.'.repeat(n);
  const { partner, nested, pairs } = structurePairs(structure);
  const probabilities: { i: number; j: number; p: number }[] = [];
  const lookup = new Map<number, number>();
  const paired = new Float64Array(n);
  const flat = record.pairs;
  for (let k = 0; k + 2 < flat.length; k += 3) {
    const i = flat[k] - 1;
    const j = flat[k + 1] - 1;
    const p = flat[k + 2];
    if (!(i >= 0 && j > i && j < n && p > 0)) continue;
    probabilities.push({ i, j, p });
    lookup.set(i * n + j, p);
    paired[i] += p;
    paired[j] += p;
  }
  const unpaired = new Float64Array(n);
  for (let i = 0; i < n; i++) unpaired[i] = Math.min(1, Math.max(0, 1 - paired[i]));
  return {
    record,
    n,
    sequence: record.sequence,
    partner,
    nestedPartner: nested,
    pairs,
    probabilities,
    unpaired,
    probability: (i, j) => (i < j ? lookup.get(i * n + j) : lookup.get(j * n + i)) ?? 0,
  };
}
