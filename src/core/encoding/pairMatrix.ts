// Structure as an L x L matrix for the networks: 1 at (i, j) and (j, i) for every base pair of a
// dot-bracket string (pseudoknot brackets included), or the symmetric base-pair probabilities of a
// sparse list {i, j, p} (1-based by default, as the folding engine's BasePairProbabilities.pairs()
// gives them). Written into a caller's Float32Array at an offset. Also per-position features
// derived from a matrix, and the pair list form for sparse message passing.
import { partnersOf } from './partners';

/** A base-pair probability, as produced by the folding engine (i < j, 1-based there). */
export interface PairProbabilityEntry {
  i: number;
  j: number;
  p: number;
}

/** Zero-fills size x size at `out[offset...]` and sets the pairs of `structure` to 1. Positions
 *  >= size are left out (truncation). Unbalanced brackets are ignored. Returns the pair count. */
export function pairMatrixFromDotBracket(structure: string, out: Float32Array, offset = 0, size = structure.length): number {
  out.fill(0, offset, offset + size * size);
  const partner = partnersOf(structure);
  const n = Math.min(size, structure.length);
  let pairs = 0;
  for (let i = 0; i < n; i++) {
    const j = partner[i];
    if (j > i && j < size) {
      out[offset + i * size + j] = 1;
      out[offset + j * size + i] = 1;
      pairs++;
    }
  }
  return pairs;
}

/** Zero-fills size x size at `out[offset...]` and sets p at (i, j) and (j, i) for each entry with
 *  both indices inside the matrix. `base` is the index of the first position (1 or 0). */
export function pairMatrixFromProbabilities(pairs: readonly PairProbabilityEntry[], size: number, out: Float32Array, offset = 0, base = 1): void {
  out.fill(0, offset, offset + size * size);
  for (const { i, j, p } of pairs) {
    const a = i - base;
    const b = j - base;
    if (a < 0 || b < 0 || a >= size || b >= size || a === b) continue;
    out[offset + a * size + b] = p;
    out[offset + b * size + a] = p;
  }
}

/** Partner of each position of a dot-bracket string (0-based), -1 when unpaired. */
export function partnerIndex(structure: string): Int32Array {
  return partnersOf(structure);
}

/** Number of per-position features written by positionFeaturesInto. */
export const POSITION_FEATURES = 4;
export const POSITION_FEATURE_NAMES = ['paired', 'unpaired', 'partnerDistance', 'partnerDirection'] as const;

/**
 * Per-position features of a size x size pair (or probability) matrix, `length` x 4 at
 * `out[offset...]` (positions >= length of a padded matrix are written as zeros up to `rows`):
 * 0 paired probability (row sum), 1 unpaired probability (1 - row sum, 0 on padding),
 * 2 expected partner distance sum_j P_ij |i - j| / length, 3 expected direction
 * sum_{j>i} P_ij - sum_{j<i} P_ij (+1: pairs downstream, -1: upstream).
 */
export function positionFeaturesInto(matrix: Float32Array, size: number, length: number, out: Float32Array, offset = 0, matrixOffset = 0, rows = length): void {
  for (let i = 0; i < rows; i++) {
    const o = offset + i * POSITION_FEATURES;
    if (i >= length) {
      out[o] = out[o + 1] = out[o + 2] = out[o + 3] = 0;
      continue;
    }
    const row = matrixOffset + i * size;
    let sum = 0;
    let dist = 0;
    let dir = 0;
    for (let j = 0; j < length; j++) {
      const p = matrix[row + j];
      if (p === 0) continue;
      sum += p;
      dist += p * Math.abs(i - j);
      dir += j > i ? p : -p;
    }
    out[o] = sum;
    out[o + 1] = 1 - sum;
    out[o + 2] = dist / length;
    out[o + 3] = dir;
  }
}

/** Pair matrices of a batch of dot-bracket strings padded to size x size (default: the longest),
 *  batch x size x size; `into` is reused when large enough. */
export function pairMatrixBatch(structures: readonly string[], size?: number, into?: Float32Array): { data: Float32Array; size: number } {
  const L = size ?? structures.reduce((m, s) => Math.max(m, s.length), 0);
  const need = structures.length * L * L;
  const data = into && into.length >= need ? into : new Float32Array(need);
  structures.forEach((s, b) => pairMatrixFromDotBracket(s, data, b * L * L, L));
  return { data, size: L };
}
