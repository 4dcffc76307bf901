// Prediction for new records with a trained or loaded model: records are encoded as the model card says,
// run in batches, and mapped back to target units; ensembles give the members' mean and their standard
// deviation (n - 1 denominator).
import { encodeRecord } from '../features/batchEncoder';
import type { SequenceInput } from '../features/structureInput';
import type { RegressionModel } from '../io/modelDir';
import { predictMembers } from './predictEncoded';
import { destandardise } from './standardise';

export interface Prediction {
  /** Predicted target value (ensemble mean). */
  prediction: number;
  /** Spread of the ensemble members (only for k-fold ensembles). */
  sd?: number;
}

export interface PredictOptions {
  batchSize?: number;
  signal?: AbortSignal;
}

/** One prediction per record, in input order. Throws an Error naming the record that cannot be encoded. */
export async function predict(model: RegressionModel, records: readonly SequenceInput[], opts: PredictOptions = {}): Promise<Prediction[]> {
  const { card } = model;
  const encoded = records.map((r) => encodeRecord(r, card.inputs));
  const members = card.architecture.members;
  const raw = await predictMembers(model.network, encoded, card.inputs, members, opts.batchSize ?? 256, opts.signal);
  return records.map((_, r) => summarise(raw.subarray(r * members, (r + 1) * members), card.normalisation));
}

export function summarise(standardised: ArrayLike<number>, norm: { mean: number; sd: number }): Prediction {
  const k = standardised.length;
  const values = Array.from({ length: k }, (_, i) => destandardise(standardised[i]!, norm));
  const mean = values.reduce((s, v) => s + v, 0) / k;
  if (k === 1) return { prediction: mean };
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (k - 1));
  return { prediction: mean, sd };
}
