// The results that reports carry from the job processes to the CLI, the server, the editor and the
// panels: metrics, the verdict, skipped rows, generated pairs. Plain JSON data; the modules that compute
// them (core/, ml/) import these types from here and re-export them.

export interface RegressionMetrics {
  n: number;
  rmse: number;
  mae: number;
  r2: number;
  pearson: number;
  spearman: number;
}

export type VerdictKind = 'learns' | 'no better than baseline' | 'no signal';

export type CauseId = 'too-little-data' | 'unscaled-target' | 'skewed-target' | 'noisy-target' | 'overfitting' | 'underfitting' | 'structure-unused';

export interface Cause {
  id: CauseId;
  /** Plain-language explanation with the suggested remedy. */
  sentence: string;
  /** The numbers behind it. */
  evidence: string;
}

export interface NamedMetrics {
  name: string;
  metrics: RegressionMetrics;
}

export interface Verdict {
  kind: VerdictKind;
  /** One sentence: the verdict with the key numbers. */
  headline: string;
  bestBaseline: { bySpearman: string; byR2: string };
  /** Model minus best baseline. */
  gain: { spearman: number; r2: number };
  causes: Cause[];
}

export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export interface ClassificationMetrics {
  n: number;
  positives: number;
  auroc: number;
  auprc: number;
  threshold: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  confusion: Confusion;
}

/** A row or record that a loader skipped (`skipBad`), with the reason it would have failed. */
export interface SkippedRow {
  line: number;
  column?: number;
  reason: string;
}

export interface PairLike {
  a: string;
  b: string;
}

export interface GeneratedPair extends PairLike {
  /** Classifier probability of label 1. */
  score?: number;
}

/** Statistics of the real positives that generated sets are compared with (stored in model cards). */
export interface ReferenceStats {
  positives: number;
  /** 3-mer probability vectors (64, order AAA, AAC, ... UUU) of the A and B sequences. */
  kmer3: { a: number[]; b: number[] };
  /** Mean pairwise normalised Hamming distance of the A and of the B sequences. */
  meanHamming: { a: number; b: number };
}

export interface DiversityReport {
  /** Mean pairwise normalised Hamming distance (0 = identical, 1 = different at every position). */
  a: number;
  b: number;
  /** The same for the training positives, and generated / reference. */
  reference?: { a: number; b: number };
  ratio?: { a: number; b: number };
  /** Pairs of sequences compared per set (all pairs, or a sample). */
  comparedPairs: number;
}

export interface GenerationReport {
  n: number;
  /** Classifier acceptance (score >= threshold), when scores and a threshold are known. */
  accepted?: { count: number; fraction: number; threshold: number };
  /** The exact rule of a synthetic task. */
  rule?: { name: string; count: number; fraction: number };
  unique: { count: number; fraction: number };
  novel?: { count: number; fraction: number };
  diversity: DiversityReport;
  kmer3Jsd?: { a: number; b: number };
}

export interface PairBaselineMetrics {
  name: string;
  auroc: number;
  auprc: number;
}

export type GenerationMode = 'sample' | 'design';

export interface GeneratedRow {
  id: string;
  /** A 5'->3' and B 5'->3' (the pairs panel shows B reversed, 3'->5', under A). */
  a: string;
  b: string;
  /** Classifier probability of label 1. */
  score: number;
  gcA: number;
  gcB: number;
  /** Not among the training pairs. */
  novel: boolean;
  /** For synthetic tasks, whether the exact rule holds. */
  rule?: boolean;
}

/** One pair as the panel shows it. Sequences are upper case, 5'->3'. */
export interface PairRow {
  id: string;
  a: string;
  b: string;
  /** Classifier probability of label 1, when known. */
  score?: number;
  /** Label column of a data file (0/1), when present. */
  label?: number;
  /** GC fraction of A and of B (0..1). */
  gcA: number;
  gcB: number;
  /** Not among the training pairs (generated sets, or a `novel` column). */
  novel?: boolean;
  /** For synthetic tasks, whether the exact rule holds. */
  rule?: boolean;
}
