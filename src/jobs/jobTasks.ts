// The table of jobs a job process runs, one entry per kind of protocol/jobs.ts: the use-case function
// that the CLI calls too, with the same (params, { signal, onProgress }) signature. Adding a job kind
// is one line here and one in JobKinds.
import type { JobKind, JobKinds } from '../protocol/jobs';
import { runPairGeneration } from './pairGeneration';
import { runPairTraining } from './pairTraining';
import { runRegressorTraining } from './regressorTraining';

export interface JobCallbacksOf<K extends JobKind> {
  signal: AbortSignal;
  onProgress: (p: JobKinds[K]['progress']) => void;
}

export const JOB_TASKS: { [K in JobKind]: (params: JobKinds[K]['params'], cb: JobCallbacksOf<K>) => Promise<JobKinds[K]['report']> } = {
  'train-regressor': runRegressorTraining,
  'train-pairs': runPairTraining,
  'generate-pairs': runPairGeneration,
};
