// Predictions of a saved regressor for the records of a data file (TSV/CSV with a sequence column,
// FASTA or dot-bracket), in input order; records are folded first when the model needs it. Used by
// `basepair predict` and the editor's "Basepair: Predict".
import { readDataFile } from '../core/datasets/readDataFile';
import { loadRegressionDataset, type RegressionLoadOptions } from '../core/datasets/regression';
import type { SkippedRow } from '../core/datasets/errors';
import { currentBackend, disposeModel, initBackend, loadModel, predict, type ModelCard } from '../ml';
import { structureForModel } from './structures';
import { backendOptionsFromEnv } from './backendEnv';

export interface PredictionRow {
  id: string;
  prediction: number;
  sd?: number;
}

export interface PredictionResult {
  card: ModelCard;
  rows: PredictionRow[];
  skipped: SkippedRow[];
}

export async function predictFile(
  modelDir: string,
  dataFile: string,
  opts: { load?: Omit<RegressionLoadOptions, 'withoutTarget'>; signal?: AbortSignal } = {},
): Promise<PredictionResult> {
  if (!currentBackend()) await initBackend(backendOptionsFromEnv());
  const model = await loadModel(modelDir);
  try {
    const data = loadRegressionDataset(readDataFile(dataFile), dataFile, { ...(opts.load ?? {}), withoutTarget: true });
    const inputs = data.records.map((r) => structureForModel({ id: r.id, sequence: r.sequence, ...(r.structure ? { structure: r.structure } : {}) }, model.card.structureSource));
    const out = await predict(model, inputs, { ...(opts.signal ? { signal: opts.signal } : {}) });
    return {
      card: model.card,
      rows: out.map((p, k) => ({ id: data.records[k].id, prediction: p.prediction, ...(p.sd !== undefined ? { sd: p.sd } : {}) })),
      skipped: data.skipped,
    };
  } finally {
    disposeModel(model);
  }
}
