// Scores a finished run: the network's predictions on the validation and test records against the
// baselines fitted on the same split (mean; ridge on k-mers + structure, lambda chosen on validation).
import { fitRegressionBaselines } from '../../core/baselines/regressionBaselines';
import type { NamedMetrics } from '../../core/diagnosis/verdict';
import { regressionMetrics, type RegressionMetrics } from '../../core/metrics/regression';
import type { RecordSplit } from './splitRecords';
import type { RecordPrediction, TrainingRecord } from './trainTypes';

type BaselineRecord = { sequence: string; structure?: string; target: number };

function forBaseline(r: TrainingRecord): BaselineRecord {
  return r.structure !== undefined ? { sequence: r.sequence, structure: r.structure, target: r.target } : { sequence: r.sequence, target: r.target };
}

export interface SplitScores {
  metrics: Partial<Record<'valid' | 'test', RegressionMetrics>>;
  baselines: Partial<Record<'valid' | 'test', NamedMetrics[]>>;
}

export function evaluateSplits(records: readonly TrainingRecord[], split: RecordSplit, predictions: readonly RecordPrediction[]): SplitScores {
  const pick = (idx: Int32Array) => Array.from(idx, (i) => forBaseline(records[i]!));
  const baselines = fitRegressionBaselines(pick(split.train), pick(split.valid));
  const scores: SplitScores = { metrics: {}, baselines: {} };
  for (const name of ['valid', 'test'] as const) {
    const rows = predictions.filter((p) => p.split === name);
    if (rows.length < 2) continue;
    scores.metrics[name] = regressionMetrics(rows.map((p) => p.target), rows.map((p) => p.prediction));
    scores.baselines[name] = baselines.evaluate(rows.map((p) => forBaseline(records[p.index]!)));
  }
  return scores;
}
