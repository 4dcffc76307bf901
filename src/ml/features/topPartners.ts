// The pair matrix by rows, as the sparse message passing reads it: for every position its K strongest
// partners (index + weight; weight 0 and the position itself where a row has fewer than K). Exact for a
// dot-bracket with K = 1; for base-pair probabilities the K largest entries of each row are kept.
import type { PairList } from './structureInput';

/** [L * K] partner positions and weights, row-major by position. */
export interface PartnerList {
  index: Int32Array;
  weight: Float32Array;
}

/** The K largest entries of every row of the symmetric pair matrix given by `pairs`. */
export function topPartners(pairs: PairList, length: number, k: number): PartnerList {
  const index = new Int32Array(length * k);
  const weight = new Float32Array(length * k);
  for (let i = 0; i < length; i++) index.fill(i, i * k, i * k + k); // weight 0: any valid index
  const put = (row: number, col: number, p: number): void => {
    const base = row * k;
    let slot = -1;
    for (let s = 0; s < k; s++) if (slot < 0 || weight[base + s]! < weight[base + slot]!) slot = s;
    if (p <= weight[base + slot]!) return;
    index[base + slot] = col;
    weight[base + slot] = p;
  };
  for (let q = 0; q < pairs.i.length; q++) {
    put(pairs.i[q]!, pairs.j[q]!, pairs.p[q]!);
    put(pairs.j[q]!, pairs.i[q]!, pairs.p[q]!);
  }
  return { index, weight };
}

