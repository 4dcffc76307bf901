// The metrics table of a report: the model and each baseline on the test (else validation) set,
// for a regressor (RMSE ... Spearman) or a pair classifier (AUROC, AUPRC, accuracy, F1).
// Pure: returns rows of strings (unit-testable); the view puts them in a <table> as text.
import type { PairMetricsSummary, PairTrainingOutcome, TrainingReport } from '../../src/protocol/editor';

export interface MetricsTable {
  split: 'test' | 'valid';
  n: number;
  header: string[];
  rows: { name: string; cells: string[]; best: boolean }[];
}

/** Metrics crossed JSON on their way here: NaN (e.g. correlations of constant predictions) arrives as null. */
const finite = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);
/** A metric to three decimals, or a dash when it is undefined (NaN, or null after JSON). */
export const formatMetric = (x: number | null | undefined) => (finite(x) ? x.toFixed(3) : '–');
const fmt = formatMetric;

export function metricsTable(r: TrainingReport): MetricsTable {
  const split = r.metrics.test ? 'test' : 'valid';
  const model = r.metrics[split];
  const entries = [{ name: `model (${r.arch})`, m: model }, ...(r.baselines[split] ?? []).map((b) => ({ name: `baseline: ${b.name}`, m: b.metrics }))];
  const bestSpearman = Math.max(...entries.map((e) => (e.m && finite(e.m.spearman) ? e.m.spearman : -Infinity)));
  return {
    split,
    n: model?.n ?? 0,
    header: ['', 'RMSE', 'MAE', 'R²', 'Pearson', 'Spearman'],
    rows: entries.map((e) => ({
      name: e.name,
      cells: [fmt(e.m?.rmse), fmt(e.m?.mae), fmt(e.m?.r2), fmt(e.m?.pearson), fmt(e.m?.spearman)],
      best: e.m !== undefined && e.m.spearman === bestSpearman,
    })),
  };
}

/** The pair classifier and each rule baseline; the best AUROC is marked. */
export function pairMetricsTable(r: PairTrainingOutcome): MetricsTable {
  const entries: { name: string; m: PairMetricsSummary }[] = [{ name: 'classifier', m: r.test }, ...r.baselines.map((b) => ({ name: `baseline: ${b.name}`, m: b.test }))];
  const bestAuroc = Math.max(...entries.map((e) => (finite(e.m.auroc) ? e.m.auroc : -Infinity)));
  return {
    split: r.sizes.test > 0 ? 'test' : 'valid',
    n: r.sizes.test > 0 ? r.sizes.test : r.sizes.valid,
    header: ['', 'AUROC', 'AUPRC', 'accuracy', 'F1'],
    rows: entries.map((e) => ({ name: e.name, cells: [fmt(e.m.auroc), fmt(e.m.auprc), fmt(e.m.accuracy), fmt(e.m.f1)], best: e.m.auroc === bestAuroc })),
  };
}
