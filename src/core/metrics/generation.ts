// The report of a generated set of sequence pairs (A, B), against the real positives it imitates:
// - validity: share accepted by the classifier (score >= threshold) and, for synthetic tasks, share
//   satisfying the exact rule;
// - uniqueness: distinct pairs / pairs;
// - novelty: share of pairs not among the training pairs (a membership test supplied by the caller);
// - diversity: mean pairwise normalised Hamming distance of the A sequences and of the B sequences,
//   beside the same for the training positives (exact up to `maxPairs` pairs, else a seeded sample);
// - 3-mer distribution Jensen-Shannon divergence (log base 2, 0 = same, 1 = disjoint) of A and of B
//   to the real positives.
// Sequences are compared case-insensitively with T = U. Pure TypeScript.
import { BASE_CODE } from '../encoding/kmers';
import { Random } from '../random';
import type { PairLike, GeneratedPair, ReferenceStats, GenerationReport } from '../../protocol/results';
export type { PairLike, GeneratedPair, ReferenceStats, DiversityReport, GenerationReport } from '../../protocol/results';

export interface GenerationReportOptions {
  threshold?: number;
  /** Whether a pair occurs in the training data (novelty); omit to leave novelty out. */
  isTrainingPair?: (a: string, b: string) => boolean;
  reference?: ReferenceStats;
  rule?: { name: string; test: (a: string, b: string) => boolean };
  /** Seed of the pair sampling of the diversity estimate. */
  seed?: number;
  /** Above this many sequence pairs, diversity is estimated from this many sampled pairs. Default 200,000. */
  maxPairs?: number;
}

/** Upper case, T written U. */
export function canonicalSequence(s: string): string {
  return s.toUpperCase().replace(/T/g, 'U');
}

/** The key of a pair for uniqueness and novelty. */
export function pairKey(a: string, b: string): string {
  return `${canonicalSequence(a)}&${canonicalSequence(b)}`;
}

const KMER_INDEX = BASE_CODE;

/** k-mer probability vector (4^k entries) over all sequences; k-mers with other letters are skipped. */
export function kmerDistribution(seqs: readonly string[], k = 3): Float64Array {
  const size = 4 ** k;
  const counts = new Float64Array(size);
  let total = 0;
  for (const s of seqs) {
    for (let i = 0; i + k <= s.length; i++) {
      let idx = 0;
      let ok = true;
      for (let j = 0; j < k; j++) {
        const code = s.charCodeAt(i + j);
        const v = code < 128 ? KMER_INDEX[code]! : -1;
        if (v < 0) {
          ok = false;
          break;
        }
        idx = idx * 4 + v;
      }
      if (ok) {
        counts[idx]!++;
        total++;
      }
    }
  }
  if (total > 0) for (let i = 0; i < size; i++) counts[i]! /= total;
  return counts;
}

/** Jensen-Shannon divergence of two probability vectors, log base 2 (in [0, 1]). */
export function jensenShannon(p: ArrayLike<number>, q: ArrayLike<number>): number {
  if (p.length !== q.length) throw new RangeError(`length mismatch: ${p.length} vs ${q.length}`);
  let d = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]!;
    const qi = q[i]!;
    const m = (pi + qi) / 2;
    if (pi > 0) d += 0.5 * pi * Math.log2(pi / m);
    if (qi > 0) d += 0.5 * qi * Math.log2(qi / m);
  }
  return Math.max(0, d);
}

/**
 * Hamming distance normalised by the longer length: positions beyond the shorter sequence count as
 * different. 0 for two empty sequences. Case-insensitive, T = U.
 */
export function normalizedHamming(x: string, y: string): number {
  const n = Math.max(x.length, y.length);
  if (n === 0) return 0;
  const m = Math.min(x.length, y.length);
  let d = n - m;
  for (let i = 0; i < m; i++) {
    const cx = x.charCodeAt(i);
    const cy = y.charCodeAt(i);
    if (cx === cy) continue;
    const vx = cx < 128 ? KMER_INDEX[cx]! : -1;
    const vy = cy < 128 ? KMER_INDEX[cy]! : -1;
    if (vx < 0 || vx !== vy) d++;
  }
  return d / n;
}

/**
 * Mean normalised Hamming distance over pairs of distinct entries (i < j): exact when there are at
 * most `maxPairs` pairs, else the mean of `maxPairs` uniformly drawn pairs (i != j, seeded).
 */
export function meanPairwiseHamming(seqs: readonly string[], opts: { seed?: number; maxPairs?: number } = {}): { mean: number; pairs: number } {
  const n = seqs.length;
  if (n < 2) return { mean: NaN, pairs: 0 };
  const maxPairs = opts.maxPairs ?? 200_000;
  const all = (n * (n - 1)) / 2;
  let sum = 0;
  if (all <= maxPairs) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) sum += normalizedHamming(seqs[i]!, seqs[j]!);
    return { mean: sum / all, pairs: all };
  }
  const rng = new Random(`hamming-${opts.seed ?? 0}`);
  for (let k = 0; k < maxPairs; k++) {
    const i = rng.int(0, n);
    let j = rng.int(0, n - 1);
    if (j >= i) j++;
    sum += normalizedHamming(seqs[i]!, seqs[j]!);
  }
  return { mean: sum / maxPairs, pairs: maxPairs };
}

/** Reference statistics of real positives (for model cards). */
export function referenceStats(positives: readonly PairLike[], opts: { seed?: number; maxPairs?: number } = {}): ReferenceStats {
  const as = positives.map((p) => p.a);
  const bs = positives.map((p) => p.b);
  return {
    positives: positives.length,
    kmer3: { a: Array.from(kmerDistribution(as)), b: Array.from(kmerDistribution(bs)) },
    meanHamming: { a: meanPairwiseHamming(as, opts).mean, b: meanPairwiseHamming(bs, opts).mean },
  };
}

function share(count: number, n: number): { count: number; fraction: number } {
  return { count, fraction: n > 0 ? count / n : NaN };
}

export function generationReport(pairs: readonly GeneratedPair[], opts: GenerationReportOptions = {}): GenerationReport {
  const n = pairs.length;
  const keys = new Set(pairs.map((p) => pairKey(p.a, p.b)));
  const as = pairs.map((p) => p.a);
  const bs = pairs.map((p) => p.b);
  const hammingOpts = { seed: opts.seed ?? 0, ...(opts.maxPairs !== undefined ? { maxPairs: opts.maxPairs } : {}) };
  const ha = meanPairwiseHamming(as, hammingOpts);
  const hb = meanPairwiseHamming(bs, hammingOpts);
  const report: GenerationReport = {
    n,
    unique: share(keys.size, n),
    diversity: { a: ha.mean, b: hb.mean, comparedPairs: ha.pairs },
  };
  if (opts.threshold !== undefined && pairs.every((p) => p.score !== undefined)) {
    const t = opts.threshold;
    report.accepted = { ...share(pairs.filter((p) => p.score! >= t).length, n), threshold: t };
  }
  if (opts.rule) {
    const test = opts.rule.test;
    report.rule = { name: opts.rule.name, ...share(pairs.filter((p) => test(p.a, p.b)).length, n) };
  }
  if (opts.isTrainingPair) {
    const seen = opts.isTrainingPair;
    report.novel = share(pairs.filter((p) => !seen(p.a, p.b)).length, n);
  }
  if (opts.reference) {
    const ref = opts.reference;
    report.diversity.reference = { ...ref.meanHamming };
    report.diversity.ratio = { a: ha.mean / ref.meanHamming.a, b: hb.mean / ref.meanHamming.b };
    report.kmer3Jsd = { a: jensenShannon(kmerDistribution(as), ref.kmer3.a), b: jensenShannon(kmerDistribution(bs), ref.kmer3.b) };
  }
  return report;
}
