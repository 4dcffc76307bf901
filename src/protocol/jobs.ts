// Messages between the language server and a job process (one process per training or generation job):
// the job's request with its parameters, its progress notifications, cancel, and the final report.
// Cancel = the server aborts (notification), then kills the process if it has not stopped within 2 s.
// The CLI runs the same jobs in its own process with more options (src/jobs/*: *JobOptions extend these).
import { NotificationType, NotificationType0, RequestType } from 'vscode-jsonrpc';
import type { ArchitectureName, StructureMode } from './architectures';
import type { GeneratePairsParams, TrainPairsParams } from './editor';
import type { PairGenerationProgress, PairGenerationReport, PairTrainingProgress, PairTrainingReport, TrainingProgress, TrainingReport } from './reports';
import type { GenerationMode } from './results';

export interface RegressorJobParams {
  data: string;
  /** Model directory to write (replaced atomically). */
  out: string;
  arch?: ArchitectureName;
  epochs?: number;
  seed?: number;
  folds?: number;
  structure?: StructureMode;
  /** How to read the data: the target column, and whether bad rows are skipped (and reported) instead of failing. */
  load?: { targetColumn?: string; skipBad?: boolean };
}

export interface PairTrainingJobParams extends Omit<TrainPairsParams, 'jobId' | 'workDoneToken'> {
  /** Train the generator too (default true). */
  generator?: boolean;
  generatorEpochs?: number;
  generatorMaxPairs?: number;
  /** The exact rule of a synthetic reverse-complement task (kept in the card for generation reports). */
  revcompRule?: number;
}

export type PairGenerationJobParams = Omit<GeneratePairsParams, 'jobId' | 'workDoneToken' | 'mode'> & { mode?: GenerationMode };

/** Every kind of job a job process runs: its parameters, its progress notifications, its report. */
export interface JobKinds {
  'train-regressor': { params: RegressorJobParams; progress: TrainingProgress; report: TrainingReport };
  'train-pairs': { params: PairTrainingJobParams; progress: PairTrainingProgress; report: PairTrainingReport };
  'generate-pairs': { params: PairGenerationJobParams; progress: PairGenerationProgress; report: PairGenerationReport };
}
export type JobKind = keyof JobKinds;

/** The one request of a job process: run the job of `kind` with `params`; resolves with its report. */
export const RunJobRequest = new RequestType<{ kind: JobKind; params: JobKinds[JobKind]['params'] }, JobKinds[JobKind]['report'], void>('job/run');
/** Progress of the running job (JobKinds[kind].progress). */
export const JobProgressNotification = new NotificationType<JobKinds[JobKind]['progress']>('job/progress');
/** Asks the running job to stop (between two batches); the server kills the process 2 s later. */
export const JobCancelNotification = new NotificationType0('job/cancel');
