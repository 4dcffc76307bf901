// What a regressor training run reports to the CLI, the editor and the training panel: plain,
// JSON-serialisable data (no tensors), the same for every front end.
import type { SkippedRow } from '../core/datasets/errors';
import type { NamedMetrics, Verdict } from '../core/diagnosis/verdict';
import type { RegressionMetrics } from '../core/metrics/regression';

export interface EpochPoint {
  epoch: number;
  trainLoss: number;
  validLoss: number;
  validSpearman: number;
  learningRate: number;
  seconds: number;
}

export interface ScatterPoint {
  id?: string;
  split: 'train' | 'valid' | 'test';
  target: number;
  prediction: number;
  sd?: number;
}

export interface TrainingReport {
  /** Directory the model was saved to (absolute). */
  modelDir: string;
  name: string;
  data: { file: string; records: number; skipped: SkippedRow[] };
  targetName: string;
  structureSource: string;
  arch: string;
  backend: { name: string; reason: string; threads: number };
  sizes: { train: number; valid: number; test: number };
  parameters: number;
  members: number;
  epochsRun: number;
  samplesPerSecond: number;
  meanEpochSeconds: number;
  /** Gradient shards per batch, worker threads besides the training thread, why none started. */
  parallel: { shards: number; workers: number; workerFailure?: string };
  metrics: Partial<Record<'valid' | 'test', RegressionMetrics>>;
  baselines: Partial<Record<'valid' | 'test', NamedMetrics[]>>;
  verdict: Verdict;
  /** Loss curves, one per ensemble member. */
  history: EpochPoint[][];
  /** Validation and test predictions (predicted vs measured). */
  predictions: ScatterPoint[];
  seed: number;
  seconds: number;
}

/** Progress of a training job: folding the records first, then epochs. */
export type TrainingProgress =
  | { phase: 'loading'; message: string }
  | { phase: 'folding'; done: number; total: number; source: string }
  | {
      phase: 'training';
      member: number;
      members: number;
      epoch: number;
      maxEpochs: number;
      trainLoss: number;
      validLoss: number;
      validSpearman: number;
      learningRate: number;
      /** Remaining seconds, at most / at least (early stopping decides where in between). */
      etaSeconds: number;
      etaMinSeconds: number;
    }
  | { phase: 'saving'; dir: string };

const pct = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(3).padStart(6) : '   n/a');

/** The metrics table of a report as fixed-width text (CLI, demo, output channel). */
export function metricsTable(r: TrainingReport): string {
  const split = r.metrics.test ? 'test' : 'valid';
  const rows: [string, RegressionMetrics | undefined][] = [[`model (${r.arch})`, r.metrics[split]]];
  for (const b of r.baselines[split] ?? []) rows.push([`baseline: ${b.name}`, b.metrics]);
  const title = `${split} set (n = ${r.metrics[split]?.n ?? 0})`;
  const width = Math.max(title.length, ...rows.map(([name]) => name.length)) + 2;
  const head = title.padEnd(width) + '  RMSE     MAE      R^2   Pearson Spearman';
  const lines = rows.map(([name, m]) =>
    `${name.padEnd(width)}${pct(m?.rmse)}  ${pct(m?.mae)}  ${pct(m?.r2)}  ${pct(m?.pearson)}  ${pct(m?.spearman)}`,
  );
  return [head, ...lines].join('\n');
}
