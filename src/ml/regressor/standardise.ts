// Target standardisation: the networks learn (y - mean) / sd of the training targets; predictions are
// mapped back with the same numbers (stored in the model card).
export interface Normalisation {
  mean: number;
  sd: number;
}

export function fitNormalisation(targets: ArrayLike<number>): Normalisation {
  const n = targets.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += targets[i]!;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (targets[i]! - mean) ** 2;
  const sd = Math.sqrt(ss / Math.max(1, n - 1));
  return { mean, sd: sd > 0 && Number.isFinite(sd) ? sd : 1 };
}

export function standardise(targets: ArrayLike<number>, norm: Normalisation): Float32Array {
  return Float32Array.from({ length: targets.length }, (_, i) => (targets[i]! - norm.mean) / norm.sd);
}

export function destandardise(value: number, norm: Normalisation): number {
  return value * norm.sd + norm.mean;
}
