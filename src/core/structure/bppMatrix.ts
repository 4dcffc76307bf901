// Base-pair probability matrix (dense upper triangle, 1-based) with the ensemble summaries derived
// from it: centroid (pairs with p > 0.5) and its expected distance, ensemble diversity.

import { rowOffsets } from './triangle';

export interface PairProbability {
  i: number;
  j: number;
  p: number;
}

export class BasePairProbabilities {
  private readonly off: Int32Array;

  /** @param data row-major upper triangle as produced by the outside pass (see triangle.ts) */
  constructor(
    readonly n: number,
    private readonly data: Float64Array,
  ) {
    this.off = rowOffsets(n);
  }

  /** P(i pairs with j), 1-based, symmetric; 0 for i == j or out of range. */
  get(i: number, j: number): number {
    if (i > j) [i, j] = [j, i];
    if (i < 1 || j > this.n || i === j) return 0;
    return this.data[this.off[i] + j];
  }

  /** Calls cb for every i < j with p > threshold, i ascending then j ascending. */
  forEach(cb: (i: number, j: number, p: number) => void, threshold = 0): void {
    const { n, data, off } = this;
    for (let i = 1; i < n; i++) {
      const row = off[i];
      for (let j = i + 1; j <= n; j++) {
        const p = data[row + j];
        if (p > threshold) cb(i, j, p);
      }
    }
  }

  /** List of pairs with p > threshold (default: ViennaRNA's dot-plot cutoff 1e-5). */
  pairs(threshold = 1e-5): PairProbability[] {
    const out: PairProbability[] = [];
    this.forEach((i, j, p) => out.push({ i, j, p }), threshold);
    return out;
  }

  /** Probability that base i is unpaired. */
  unpaired(i: number): number {
    let s = 0;
    for (let k = 1; k <= this.n; k++) if (k !== i) s += this.get(i, k);
    return 1 - s;
  }

  /** Mean base-pair distance of the ensemble, 2 * sum_{i<j} p (1 - p). */
  diversity(): number {
    let d = 0;
    this.forEach((_i, _j, p) => (d += p * (1 - p)));
    return 2 * d;
  }

  /** Centroid: all pairs with p > 0.5; distance = its expected bp distance to the ensemble. */
  centroid(): { pt: Int32Array; distance: number } {
    const pt = new Int32Array(this.n + 1);
    pt[0] = this.n;
    let distance = 0;
    this.forEach((i, j, p) => {
      if (p > 0.5) {
        pt[i] = j;
        pt[j] = i;
        distance += 1 - p;
      } else distance += p;
    });
    return { pt, distance };
  }
}
