// Messages between the language server and a job process (one process per training job): the
// job's request, its progress notifications and the final report. Cancel = the server aborts
// (notification), then kills the process if it has not stopped within 2 s.
import { NotificationType, NotificationType0, RequestType } from 'vscode-jsonrpc';
import type { PairGenerationJobOptions, PairGenerationProgress, PairGenerationReport } from './pairGeneration';
import type { PairTrainingJobOptions, PairTrainingProgress, PairTrainingReport } from './pairTraining';
import type { RegressorJobOptions } from './regressorTraining';
import type { TrainingProgress, TrainingReport } from './trainingReport';

export const TrainRegressorJob = new RequestType<RegressorJobOptions, TrainingReport, void>('job/trainRegressor');
export const JobProgressNotification = new NotificationType<TrainingProgress>('job/progress');
export const JobCancelNotification = new NotificationType0('job/cancel');
export const TrainPairsJob = new RequestType<PairTrainingJobOptions, PairTrainingReport, void>('job/trainPairs');
export const GeneratePairsJob = new RequestType<PairGenerationJobOptions, PairGenerationReport, void>('job/generatePairs');
/** Progress of pair jobs (training and generation). */
export const PairJobProgressNotification = new NotificationType<PairTrainingProgress | PairGenerationProgress>('job/pairProgress');
