// Every custom request and notification between the extension (client) and the language server,
// typed once here and imported by both sides.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { ArchitectureName } from './architectures';
import type { TrainingProgress, TrainingReport } from './reports';
import type { GeneratedRow, PairRow } from './results';
import type { PairTrainingOutcome, PairTrainingProgress, PairTrainingSummary, GenerationSummary } from './reports';
export type { PairMetricsSummary, PairTrainingOutcome, PairTrainingProgress, PairTrainingSummary, GenerationSummary } from './reports';

export type { TrainingProgress, TrainingReport } from './reports';

export interface FileSummaryParams {
  uri: string;
}

export interface FileSummary {
  uri: string;
  /** Document version the summary was computed for. */
  version: number;
  records: number;
  /** Nucleotides over all records (gaps and strand breaks not counted). */
  nucleotides: number;
  errors: number;
  warnings: number;
  /** Time to parse and lint the current version, in milliseconds. */
  analysisMs: number;
}

/** Summary of an open FASTA / dot-bracket document, for the status bar. */
export const FileSummaryRequest = new RequestType<FileSummaryParams, FileSummary | null, void>('basepair/fileSummary');

export interface FoldDocumentParams {
  uri: string;
  /** Fold only the records that overlap these ranges (the editor's selections); all when absent. */
  ranges?: { start: { line: number; character: number }; end: { line: number; character: number } }[];
  /** Work-done progress token created by the client. */
  workDoneToken?: string;
  /** Fold records above basepair.fold.maxLength with the beam engine of this width (else they are skipped). */
  beam?: number;
}

export interface FoldDocumentResult {
  /** Vienna (dot-bracket) text: one record per folded sequence, as RNAfold prints it. */
  text: string;
  folded: number;
  /** `tooLong`: skipped for basepair.fold.maxLength only (the beam mode would fold it). */
  skipped: { id: string; reason: string; tooLong?: boolean }[];
  /** Records folded with the beam engine (above basepair.fold.maxLength, `beam` given). */
  beamFolded?: number;
  /** basepair.fold.maxLength at the time of the request. */
  maxLength?: number;
  ms: number;
}

/** Fold the records of a FASTA / dot-bracket document (MFE), cancellable, with progress. */
export const FoldDocumentRequest = new RequestType<FoldDocumentParams, FoldDocumentResult, void>('basepair/foldDocument');

export interface StructureDataParams {
  uri: string;
  /** A position inside the record to show. */
  position: { line: number; character: number };
  /** Fold a record above basepair.fold.maxLength with the beam engine of this width (else refused). */
  beam?: number;
}

export interface StructureData {
  uri: string;
  /** 0-based index of the record in the document, and its header line (to follow the cursor). */
  recordIndex: number;
  headerLine: number;
  id: string;
  description: string;
  /** normalised sequence (upper case, U) */
  sequence: string;
  /** the structure drawn: the one in the file when it has one, else the MFE structure */
  structure: string;
  structureSource: 'file' | 'mfe';
  /** free energy of `structure`, kcal/mol (undefined when the model cannot score it, e.g. pseudoknots) */
  energy?: number;
  mfe: number;
  ensemble: number;
  /** base-pair probabilities >= 1e-5 as flat triples i, j, p (1-based, i < j) */
  pairs: number[];
}

/** Everything the structure panel draws for the record at a position (folded in the compute process). */
export const StructureDataRequest = new RequestType<StructureDataParams, StructureData | null, void>('basepair/structureData');

// ---- Training jobs (regressor) -------------------------------------------------------------------

export interface TrainParams {
  /** Client-chosen id of the job (events carry it). */
  jobId: string;
  /** Data file (absolute path). */
  data: string;
  /** Model directory to write (absolute path). */
  out: string;
  arch?: ArchitectureName;
  structure?: 'auto' | 'given' | 'mfe' | 'bpp';
  epochs?: number;
  folds?: number;
  seed?: number;
  targetColumn?: string;
  skipBad?: boolean;
  workDoneToken?: string;
}

/** Train a regressor in a new job process; resolves with the report, or an error naming file:line. */
export const TrainRequest = new RequestType<TrainParams, TrainingReport, void>('basepair/train');

/** Which model a training job trains: a regressor, or a pair classifier followed by its generator. */
export type TrainingTask = 'regressor' | 'pairs';

export type TrainingEvent =
  | { jobId: string; kind: 'started'; task: 'regressor'; params: TrainParams }
  | { jobId: string; kind: 'started'; task: 'pairs'; params: TrainPairsParams }
  | { jobId: string; kind: 'progress'; task: 'regressor'; progress: TrainingProgress }
  | { jobId: string; kind: 'progress'; task: 'pairs'; progress: PairTrainingProgress }
  | { jobId: string; kind: 'done'; task: 'regressor'; report: TrainingReport }
  | { jobId: string; kind: 'done'; task: 'pairs'; report: PairTrainingOutcome }
  | { jobId: string; kind: 'failed'; message: string; cancelled: boolean };

/** Every step of every training job, for the training panel. */
export const TrainingEventNotification = new NotificationType<TrainingEvent>('basepair/trainingEvent');

/** Stop a running job (the panel's Stop button; the request's own cancellation does the same). */
export const CancelJobRequest = new RequestType<{ jobId: string }, boolean, void>('basepair/cancelJob');

// ---- Active model and predictions -----------------------------------------------------------------

export interface ActiveModelInfo {
  dir: string;
  name: string;
  targetName: string;
  arch: string;
  structureSource: string;
  /** Test (else validation) Spearman from the model card. */
  spearman?: number;
}

/** Load (or with dir null, drop) the model the hovers and "Predict" use; resolves with what was loaded. */
export const SetActiveModelRequest = new RequestType<{ dir: string | null }, ActiveModelInfo | null, void>('basepair/setActiveModel');

export interface PredictDocumentResult {
  model: ActiveModelInfo;
  rows: { id: string; line: number; prediction: number; sd?: number }[];
  skipped: { line: number; reason: string }[];
}

/** Predictions of the active model for every record of an open FASTA / dot-bracket document. */
export const PredictDocumentRequest = new RequestType<{ uri: string }, PredictDocumentResult, void>('basepair/predictDocument');

export interface AttributionResult {
  model: ActiveModelInfo;
  /** Prediction for the record as it is. */
  reference: number;
  /** Per position, the signed largest prediction change over its three substitutions. */
  values: number[];
}

/** In-silico mutagenesis of the active regressor for one sequence (+ structure), for the structure panel. */
export const AttributionRequest = new RequestType<{ sequence: string; structure?: string }, AttributionResult | null, void>('basepair/attribution');

// ---- Pair models: classifier + generator (issue 5) ------------------------------------------------
// Both run in job processes like the regressor: progress as work-done progress on `workDoneToken`,
// cancel by cancelling the request or by CancelJobRequest with the same jobId.

export interface TrainPairsParams {
  jobId: string;
  /** TSV/CSV with seq_a, seq_b, label (absolute path). */
  data: string;
  /** Model directory to write (absolute path). */
  out: string;
  epochs?: number;
  seed?: number;
  /** Column to group the split by (default: seq_a), so one guide/miRNA never sits in two splits. */
  group?: string;
  skipBad?: boolean;
  workDoneToken?: string;
}

/** Train a pair classifier and its generator in a new job process. */
export const TrainPairsRequest = new RequestType<TrainPairsParams, PairTrainingSummary, void>('basepair/trainPairs');

export interface GeneratePairsParams {
  jobId: string;
  /** A pair model directory (card.json task 'pairs'). */
  modelDir: string;
  count: number;
  mode: 'sample' | 'design';
  /** Inclusive GC fraction range applied to A and B, e.g. [0.4, 0.6]. */
  gc?: [number, number];
  maxHomopolymer?: number;
  /** IUPAC templates (N = any) fixing positions and lengths. */
  templateA?: string;
  templateB?: string;
  /** Sampling temperature (sample mode). */
  temperature?: number;
  /** Keep pairs scoring at least this (default: the classifier's decision threshold). */
  minScore?: number;
  /** Sample mode: give up after drawing this many (default max(2,000, 50 x count)). */
  maxDraws?: number;
  seed?: number;
  workDoneToken?: string;
}

/** One generated pair: id, A and B 5'->3', classifier score, GC of A and B, novelty, rule (synthetic tasks). */
export type GeneratedPairRow = GeneratedRow;

/** Generate pairs with a pair model in a new job process (sample or design mode). */
export const GeneratePairsRequest = new RequestType<GeneratePairsParams, GenerationSummary, void>('basepair/generatePairs');

export interface ReadPairsParams {
  /** The file (a file: URI, read by the server) or an editor document whose text is given. */
  uri: string;
  /** The name that error messages give (a path, or the document's name). */
  name: string;
  /** The document's text when it is open in the editor (unsaved or untitled); else the server reads the file. */
  text?: string;
}

/** The rows of a pairs file (TSV/CSV with seq_a, seq_b; optional id, score, label, novel, rule) for the
 *  pairs panel; a bad file is a ResponseError whose message names file:line[:column]. */
export const ReadPairsRequest = new RequestType<ReadPairsParams, { rows: PairRow[] }, void>('basepair/readPairs');
