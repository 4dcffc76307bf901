// The structure a record brings to the models, already resolved by the caller: a dot-bracket string
// (given, or MFE) or a sparse list of base-pair probabilities (1-based i < j, as core/structure's
// BasePairProbabilities.forEach yields them). Converted here to what the encoders need: a partner table
// (the given pairs, or the pairs with p > 0.5) with P(paired) per position, and a 0-based pair list for
// the L x L pair matrix.
import { parsePairTable } from '../../core/structure/dotBracket';
import type { PairProbability } from '../../core/structure/bppMatrix';

/** What a record carries for the structure-aware models. */
export interface SequenceInput {
  id?: string;
  sequence: string;
  /** Dot-bracket, same length as the sequence (pseudoknot brackets allowed, no '&'). */
  structure?: string;
  /** Base-pair probabilities, 1-based i < j (takes precedence over `structure`). */
  pairProbabilities?: readonly PairProbability[];
}

export type StructureInput =
  | { kind: 'dotBracket'; structure: string }
  | { kind: 'bpp'; pairs: readonly PairProbability[] };

/** The structure of a record, or undefined when it has none. */
export function structureOf(record: SequenceInput): StructureInput | undefined {
  if (record.pairProbabilities) return { kind: 'bpp', pairs: record.pairProbabilities };
  if (record.structure !== undefined) return { kind: 'dotBracket', structure: record.structure };
  return undefined;
}

/** Sparse pairs, 0-based, each unordered pair once (i < j). */
export interface PairList {
  i: Int32Array;
  j: Int32Array;
  p: Float32Array;
}

export function pairList(structure: StructureInput, length: number): PairList {
  if (structure.kind === 'bpp') {
    const kept = structure.pairs.filter((q) => q.p > 0 && q.i >= 1 && q.j <= length && q.i !== q.j);
    return {
      i: Int32Array.from(kept, (q) => Math.min(q.i, q.j) - 1),
      j: Int32Array.from(kept, (q) => Math.max(q.i, q.j) - 1),
      p: Float32Array.from(kept, (q) => q.p),
    };
  }
  const partner = dotBracketPartners(structure.structure, length);
  const is: number[] = [];
  const js: number[] = [];
  for (let i = 0; i < length; i++) if (partner[i]! > i) (is.push(i), js.push(partner[i]!));
  return { i: Int32Array.from(is), j: Int32Array.from(js), p: new Float32Array(is.length).fill(1) };
}

/**
 * Partner table (given pairs, or pairs with p > 0.5) with P(paired) of every position, and the
 * dot-bracket of that table (for a probability list: the pairs with p > 0.5, which never cross).
 */
export function partnerTable(structure: StructureInput, length: number): { partner: Int32Array; pairedProbability: Float32Array; dotBracket: string } {
  const paired = new Float32Array(length);
  if (structure.kind === 'dotBracket') {
    const partner = dotBracketPartners(structure.structure, length);
    for (let i = 0; i < length; i++) paired[i] = partner[i]! >= 0 ? 1 : 0;
    return { partner, pairedProbability: paired, dotBracket: structure.structure };
  }
  const partner = new Int32Array(length).fill(-1);
  for (const q of structure.pairs) {
    const a = Math.min(q.i, q.j) - 1;
    const b = Math.max(q.i, q.j) - 1;
    if (a < 0 || b >= length || a === b) continue;
    paired[a]! += q.p;
    paired[b]! += q.p;
    if (q.p > 0.5) {
      partner[a] = b;
      partner[b] = a;
    }
  }
  for (let i = 0; i < length; i++) paired[i] = Math.min(1, paired[i]!);
  const dotBracket = Array.from(partner, (j, i) => (j < 0 ? '.' : j > i ? '(' : ')')).join('');
  return { partner, pairedProbability: paired, dotBracket };
}

function dotBracketPartners(structure: string, length: number): Int32Array {
  if (structure.length !== length) throw new Error(`structure length ${structure.length} differs from sequence length ${length}`);
  if (structure.includes('&')) throw new Error("the regressor does not support strand breaks ('&')");
  const table = parsePairTable(structure);
  if (table.invalid.length || table.unmatched.length) throw new Error(`invalid dot-bracket at position ${(table.invalid[0] ?? table.unmatched[0]!) + 1}`);
  return table.partner;
}
