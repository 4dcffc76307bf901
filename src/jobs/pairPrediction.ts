// Scores of a pair model for every pair of a TSV/CSV (seq_a, seq_b; label optional and ignored), in
// input order: P(label 1). Used by `basepair predict` when the model directory is a pair model.
import { readDataFile } from '../core/datasets/readDataFile';
import type { SkippedRow } from '../core/datasets/errors';
import { loadPairDataset, type PairLoadOptions } from '../core/datasets/pairs';
import { currentBackend, initBackend } from '../ml/backend/initBackend';
import { disposePairModel, loadPairModel } from '../ml/pairs/io/pairModelDir';
import { pairProbabilities } from '../ml/pairs/scorePairs';
import { backendOptionsFromEnv } from './backendEnv';

export interface PairPredictionResult {
  rows: { id: string; score: number }[];
  skipped: SkippedRow[];
  threshold: number;
}

export async function predictPairsFile(modelDir: string, data: string, load: Omit<PairLoadOptions, 'withoutLabel'> = {}): Promise<PairPredictionResult> {
  const dataset = loadPairDataset(readDataFile(data), data, { ...load, withoutLabel: true });
  if (!currentBackend()) await initBackend(backendOptionsFromEnv());
  const model = await loadPairModel(modelDir);
  try {
    const scores = await pairProbabilities(model.classifier, dataset.records);
    return { rows: dataset.records.map((r, i) => ({ id: r.id, score: scores[i]! })), skipped: dataset.skipped, threshold: model.card.threshold };
  } finally {
    disposePairModel(model);
  }
}
