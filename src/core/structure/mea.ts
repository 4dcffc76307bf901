// Maximum expected accuracy structure (Do et al. 2006 objective, ViennaRNA's MEA variant):
// maximise sum_{(i,j) in S} 2*gamma*p_ij + sum_{i unpaired} pu_i with a Nussinov-like DP.
// Hand-written (no maintained TS/JS library does this); behaviour matches ViennaRNA 2.7.1's
// structures/mea.c (Lorenz et al. 2011) so that RNAfold --MEA results are reproduced: only pairs
// with p >= 1e-4/(1+gamma) are used (for the pair terms and for pu_i = 1 - sum_j p_ij),
// probabilities are stored in single precision, pairs that cannot beat leaving both bases
// unpaired are pruned, and the sparse backtracking follows the same order.

export interface MeaResult {
  /** pair table (1-based), pt[i] = partner or 0 */
  pt: Int32Array;
  /** the expected accuracy (ViennaRNA's MEA= value) */
  score: number;
}

interface PairEntry {
  i: number;
  j: number;
  p: number;
}

/**
 * @param n        sequence length
 * @param forEachPair  calls back with every pair i<j and its probability (any order)
 */
export function maximumExpectedAccuracy(
  n: number,
  forEachPair: (cb: (i: number, j: number, p: number) => void) => void,
  gamma = 1,
): MeaResult {
  const cutoff = 1e-4 / (1 + gamma);
  const list: PairEntry[] = [];
  forEachPair((i, j, p) => {
    if (p >= cutoff) list.push({ i, j, p: Math.fround(p) });
  });
  list.sort((a, b) => a.i - b.i || a.j - b.j);
  const pu = new Float64Array(n + 2).fill(1);
  for (const e of list) {
    pu[e.i] -= e.p;
    pu[e.j] -= e.p;
  }
  // keep pairs that beat leaving both bases unpaired; DP order: i descending, j ascending
  const pl = list.filter((e) => Math.fround(e.p * 2) * gamma > pu[e.i] + pu[e.j]);
  pl.sort((a, b) => b.i - a.i || a.j - b.j);

  // C[j]: flattened (i, A) entries of pairs (i,j) that were optimal for M[i,j], i decreasing
  const C: number[][] = Array.from({ length: n + 2 }, () => []);
  let Mi = new Float64Array(n + 2);
  let Mi1 = new Float64Array(n + 2);
  let k = 0;
  for (let i = n; i > 0; i--) {
    Mi[i] = pu[i];
    for (let j = i + 1; j <= n; j++) {
      let v = Mi[j - 1] + pu[j];
      const cj = C[j];
      for (let t = 0; t < cj.length; t += 2) {
        const ea = cj[t + 1] + Mi[cj[t] - 1];
        if (ea > v) v = ea;
      }
      Mi[j] = v;
      if (k < pl.length && pl[k].i === i && pl[k].j === j) {
        const ea = Mi1[j - 1] + 2 * gamma * pl[k].p;
        if (Mi[j] < ea) {
          Mi[j] = ea;
          cj.push(i, ea);
        }
        k++;
      }
    }
    const t = Mi1;
    Mi1 = Mi;
    Mi = t;
  }
  const score = n > 0 ? Math.max(0, Mi1[n]) : 0;
  const pt = new Int32Array(n + 1);
  pt[0] = n;
  if (n > 0) backtrack(Mi1, C, pu, pt, 1, n, false);
  return { pt, score };
}

function backtrack(
  Mi: Float64Array,
  C: number[][],
  pu: Float64Array,
  pt: Int32Array,
  i: number,
  j: number,
  pair: boolean,
): void {
  if (pair) {
    pt[i] = j;
    pt[j] = i;
    i++;
    j--;
    // recompute M[i, .] for the interior (ViennaRNA does not keep it)
    Mi[i - 1] = 0;
    Mi[i] = pu[i];
    for (let k = i + 1; k <= j; k++) {
      let v = Mi[k - 1] + pu[k];
      const ck = C[k];
      for (let t = 0; t < ck.length && ck[t] >= i; t += 2) {
        const ea = ck[t + 1] + Mi[ck[t] - 1];
        if (ea > v) v = ea;
      }
      Mi[k] = v;
    }
  }
  const prec = Number.EPSILON * Mi[j];
  while (j > i && Mi[j] <= Mi[j - 1] + pu[j] + prec) j--;
  const cj = C[j];
  for (let t = 0; t < cj.length && cj[t] >= i; t += 2) {
    const li = cj[t];
    if (Mi[j] <= cj[t + 1] + Mi[li - 1] + prec) {
      if (li > i + 3) backtrack(Mi, C, pu, pt, i, li - 1, false);
      backtrack(Mi, C, pu, pt, li, j, true);
    }
  }
}
