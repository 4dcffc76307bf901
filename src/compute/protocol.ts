// Requests between the language server and its long-lived compute process (folding now; model
// predictions later). Typed once here, imported by both ends.
import { RequestType } from 'vscode-jsonrpc';

export interface FoldParams {
  sequence: string;
  /** 'mfe' = structure + energy; 'partition' adds the ensemble summaries and the base-pair probabilities. */
  mode: 'mfe' | 'partition';
  /** Fold with the linear-time beam engine keeping this many states per position (long sequences). */
  beam?: number;
}

export interface FoldSummary {
  /** normalised sequence (upper case, T read as U) */
  sequence: string;
  structure: string;
  /** kcal/mol */
  mfe: number;
  ensemble?: number;
  mfeFrequency?: number;
  diversity?: number;
  centroid?: string;
  mea?: string;
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
