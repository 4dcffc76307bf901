// Sparse base-pair probabilities (only the pairs a beam search kept), with the same read API as
// the dense BasePairProbabilities of the exact algorithm.

import type { PairProbability } from '../bppMatrix';

export class SparseBasePairProbabilities {
  /** rows[i] = sorted partner list j > i with probabilities */
  private readonly rowJ: Int32Array[];
  private readonly rowP: Float64Array[];

  constructor(
    readonly n: number,
    triples: { i: number; j: number; p: number }[],
  ) {
    triples.sort((a, b) => a.i - b.i || a.j - b.j);
    this.rowJ = new Array(n + 1);
    this.rowP = new Array(n + 1);
    let k = 0;
    for (let i = 0; i <= n; i++) {
      let e = k;
      while (e < triples.length && triples[e].i === i) e++;
      this.rowJ[i] = Int32Array.from(triples.slice(k, e), (t) => t.j);
      this.rowP[i] = Float64Array.from(triples.slice(k, e), (t) => t.p);
      k = e;
    }
  }

  get(i: number, j: number): number {
    if (i > j) [i, j] = [j, i];
    if (i < 1 || j > this.n || i === j) return 0;
    const js = this.rowJ[i];
    let lo = 0;
    let hi = js.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (js[mid] === j) return this.rowP[i][mid];
      if (js[mid] < j) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  forEach(cb: (i: number, j: number, p: number) => void, threshold = 0): void {
    for (let i = 1; i <= this.n; i++) {
      const js = this.rowJ[i];
      const ps = this.rowP[i];
      for (let k = 0; k < js.length; k++) if (ps[k] > threshold) cb(i, js[k], ps[k]);
    }
  }

  pairs(threshold = 1e-5): PairProbability[] {
    const out: PairProbability[] = [];
    this.forEach((i, j, p) => out.push({ i, j, p }), threshold);
    return out;
  }

  diversity(): number {
    let d = 0;
    this.forEach((_i, _j, p) => (d += p * (1 - p)));
    return 2 * d;
  }
}
