// Requests of the compute process about the active regressor: load it (TF.js starts only then) and
// predict records with it (folded first when the model needs it).
import { RequestType } from 'vscode-jsonrpc';

export interface LoadedModelSummary {
  dir: string;
  targetName: string;
  arch: string;
  structureSource: string;
  spearman?: number;
  backend: string;
}

export interface ModelRecord {
  id?: string;
  sequence: string;
  structure?: string;
}

export const LoadModelComputeRequest = new RequestType<{ dir: string | null }, LoadedModelSummary | null, void>('compute/loadModel');
export const PredictComputeRequest = new RequestType<{ records: ModelRecord[] }, { prediction: number; sd?: number }[], void>('compute/predict');

/** In-silico mutagenesis: per position the signed largest prediction change over its 3 substitutions. */
export const AttributionComputeRequest = new RequestType<{ record: ModelRecord }, { values: number[]; reference: number }, void>('compute/attribution');
