// Entry point of a job process (the 'job' role of dist/basepair.js): forked by the language server for
// one job, it runs the job of the kind it is asked for (jobTasks.ts) with TF.js, sends its progress,
// stops when asked (between two batches), and exits when the server disconnects. Ending the process
// gives the wasm memory back and isolates crashes from the editor.
import { ResponseError } from 'vscode-jsonrpc/node';
import { DataError } from '../core/datasets/errors';
import { ModelFileError } from '../ml/io/modelFileError';
import { GenerationError } from '../ml/pairs/generate';
import { JOB_ERROR } from '../protocol/errors';
import { parentConnection } from '../protocol/ipcConnection';
import { JobCancelNotification, JobProgressNotification, RunJobRequest, type JobKind, type JobKinds } from '../protocol/jobs';
import { JOB_TASKS } from './jobTasks';

const connection = parentConnection();
const controller = new AbortController();

connection.onNotification(JobCancelNotification, () => controller.abort());

/** Runs the job, mapping cancel and the user's bad input (data, model file, constraints) to their JOB_ERROR codes. */
async function run<K extends JobKind>(kind: K, params: JobKinds[K]['params']): Promise<JobKinds[K]['report']> {
  const task = JOB_TASKS[kind] as (p: JobKinds[K]['params'], cb: { signal: AbortSignal; onProgress: (p: JobKinds[K]['progress']) => void }) => Promise<JobKinds[K]['report']>;
  if (!task) throw new ResponseError(JOB_ERROR.failed, `unknown job kind '${String(kind)}'`);
  try {
    return await task(params, { signal: controller.signal, onProgress: (p) => void connection.sendNotification(JobProgressNotification, p) });
  } catch (err) {
    if (controller.signal.aborted) throw new ResponseError(JOB_ERROR.cancelled, 'cancelled');
    if (err instanceof DataError || err instanceof ModelFileError || err instanceof GenerationError) throw new ResponseError(JOB_ERROR.data, err.message);
    throw err;
  }
}

connection.onRequest(RunJobRequest, ({ kind, params }) => run(kind, params));

process.on('disconnect', () => process.exit(0));
connection.listen();
