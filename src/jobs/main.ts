// Entry point of a job process (dist/job.js): forked by the language server for one training job,
// it runs the job with TF.js and exits when the server disconnects. Ending the process gives the
// wasm memory back and isolates crashes from the editor.
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, ResponseError } from 'vscode-jsonrpc/node';
import { DataError } from '../core/datasets/errors';
import { JobCancelNotification, JobProgressNotification, TrainRegressorJob } from './protocol';
import { runRegressorTraining } from './regressorTraining';

/** Error codes of job failures the user can act on (bad data, cancelled). */
export const JOB_ERROR = { data: 1, cancelled: 2 } as const;

const connection = createMessageConnection(new IPCMessageReader(process), new IPCMessageWriter(process));
const controller = new AbortController();

connection.onNotification(JobCancelNotification, () => controller.abort());

connection.onRequest(TrainRegressorJob, async (options) => {
  try {
    return await runRegressorTraining(options, {
      signal: controller.signal,
      onProgress: (p) => void connection.sendNotification(JobProgressNotification, p),
    });
  } catch (err) {
    if (controller.signal.aborted) throw new ResponseError(JOB_ERROR.cancelled, 'cancelled');
    if (err instanceof DataError) throw new ResponseError(JOB_ERROR.data, err.message);
    throw err;
  }
});

process.on('disconnect', () => process.exit(0));
connection.listen();
