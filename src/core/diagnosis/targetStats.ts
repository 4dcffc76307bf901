// Summary of a regression target for the diagnosis: mean, SD, range, skewness, and replicate noise
// from sequences that occur more than once: the pooled variance between replicates of the same
// sequence, as a share of the target variance, bounds the R^2 any model can reach (about 1 - share).

export interface TargetStats {
  n: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
  /** Sample skewness (Fisher-Pearson, biased, as scipy.stats.skew). */
  skewness: number;
  /** Sequences seen more than once, and how many of those have differing targets. */
  duplicatedSequences: number;
  conflictingDuplicates: number;
  /** Pooled within-replicate variance (sum of squares within duplicate groups / sum of (size - 1))
   *  divided by the target variance; 0 without replicates. */
  replicateNoiseShare: number;
}

export function targetStats(records: readonly { sequence: string; target: number }[]): TargetStats {
  const n = records.length;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const r of records) {
    sum += r.target;
    if (r.target < min) min = r.target;
    if (r.target > max) max = r.target;
  }
  const mean = n > 0 ? sum / n : NaN;
  let m2 = 0;
  let m3 = 0;
  for (const r of records) {
    const d = r.target - mean;
    m2 += d * d;
    m3 += d * d * d;
  }
  const variance = n > 0 ? m2 / n : NaN;
  const skewness = variance > 0 ? m3 / n / variance ** 1.5 : 0;

  const bySequence = new Map<string, number[]>();
  for (const r of records) {
    const list = bySequence.get(r.sequence);
    if (list) list.push(r.target);
    else bySequence.set(r.sequence, [r.target]);
  }
  let duplicated = 0;
  let conflicting = 0;
  let within = 0;
  let dof = 0;
  for (const values of bySequence.values()) {
    if (values.length < 2) continue;
    duplicated++;
    const m = values.reduce((a, b) => a + b, 0) / values.length;
    let ss = 0;
    for (const v of values) ss += (v - m) ** 2;
    if (ss > 0) conflicting++;
    within += ss;
    dof += values.length - 1;
  }
  return {
    n,
    mean,
    sd: Math.sqrt(variance),
    min,
    max,
    skewness,
    duplicatedSequences: duplicated,
    conflictingDuplicates: conflicting,
    replicateNoiseShare: dof > 0 && variance > 0 ? within / dof / variance : 0,
  };
}
