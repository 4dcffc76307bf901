// Ranks with ties averaged (scipy.stats.rankdata method='average'): 1-based, ties get the mean of
// the ranks they span. Shared by Spearman's correlation and the AUROC rank statistic.

/** Average ranks (1-based) of the values. NaN values are ranked as the largest (callers avoid them). */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => {
    const x = values[a];
    const y = values[b];
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  const ranks = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i + 1;
    while (j < n && values[order[j]] === values[order[i]]) j++;
    const r = (i + 1 + j) / 2; // mean of ranks i+1 .. j
    for (let k = i; k < j; k++) ranks[order[k]] = r;
    i = j;
  }
  return ranks;
}
