// Beam pruning for the linear-time folding modes: the score a candidate must reach to be among the
// best `beam` candidates (quickselect, expected O(k)), as LinearFold/LinearPartition do per step.

/**
 * Returns the `beam`-th largest value of scores[0..count) (so keeping scores >= it keeps about
 * `beam` candidates), or -Infinity when count <= beam. `scratch` must hold `count` numbers.
 */
export function beamThreshold(scores: Float64Array, count: number, beam: number, scratch: Float64Array): number {
  if (count <= beam) return -Infinity;
  for (let k = 0; k < count; k++) scratch[k] = scores[k];
  // select index `target` in descending order
  const target = beam - 1;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const pivot = scratch[(lo + hi) >> 1];
    let a = lo;
    let b = hi;
    while (a <= b) {
      while (scratch[a] > pivot) a++;
      while (scratch[b] < pivot) b--;
      if (a <= b) {
        const t = scratch[a];
        scratch[a] = scratch[b];
        scratch[b] = t;
        a++;
        b--;
      }
    }
    if (target <= b) hi = b;
    else if (target >= a) lo = a;
    else break;
  }
  return scratch[target];
}
