// A regressor training report as text (the metrics table of the CLI, the demo and the output channel);
// the report's types are protocol/reports.ts, re-exported here for the job code.
import type { RegressionMetrics } from '../core/metrics/regression';
import type { TrainingReport } from '../protocol/reports';
export type { EpochPoint, ScatterPoint, TrainingReport, TrainingProgress } from '../protocol/reports';

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
