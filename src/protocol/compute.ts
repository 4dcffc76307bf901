// Requests between the language server and its long-lived compute process: folding, and the active
// model's predictions and attributions for hovers. Typed once here, imported by both ends.
import { RequestType } from 'vscode-jsonrpc';

export interface FoldParams {
  sequence: string;
  /** 'mfe' = structure + energy; 'partition' adds the ensemble summaries and the base-pair probabilities. */
  mode: 'mfe' | 'partition';
  /** Fold with the linear-time beam engine keeping this many states per position (long sequences). */
  beam?: number;
}

/** The numbers of a fold, as the CLI's --json and the compute process give them (energies in kcal/mol). */
export interface FoldNumbers {
  /** normalised sequence (upper case, T read as U) */
  sequence: string;
  structure: string;
  mfe: number;
  ensemble?: number;
  mfeFrequency?: number;
  diversity?: number;
  centroid?: string;
  mea?: string;
}

export interface FoldSummary extends FoldNumbers {
  /** partition mode: base-pair probabilities >= 1e-5 as flat triples i, j, p (1-based, i < j) */
  pairs?: number[];
  /** milliseconds spent computing */
  ms: number;
}

export interface EvalParams {
  sequence: string;
  structure: string;
}

export interface EvalSummary {
  /** kcal/mol */
  energy: number;
  warnings: string[];
}

export const FoldComputeRequest = new RequestType<FoldParams, FoldSummary, void>('compute/fold');
export const EvalComputeRequest = new RequestType<EvalParams, EvalSummary, void>('compute/eval');


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
