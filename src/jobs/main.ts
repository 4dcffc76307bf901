// Entry point of a job process (dist/job.js): forked by the language server for one training job,
// it runs the job with TF.js and exits when the server disconnects. Ending the process gives the
// wasm memory back and isolates crashes from the editor.
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, ResponseError } from 'vscode-jsonrpc/node';
import { DataError } from '../core/datasets/errors';
import { GenerationError } from '../ml/pairs/generate';
import { ModelFileError } from '../ml/io/modelFileError';
import { runPairGeneration, type PairGenerationProgress } from './pairGeneration';
import { runPairTraining, type PairTrainingProgress } from './pairTraining';
import { GeneratePairsJob, JobCancelNotification, JobProgressNotification, PairJobProgressNotification, TrainPairsJob, TrainRegressorJob } from './protocol';
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

/** Runs a pair job, mapping user-facing failures (data, model file, constraints) to JOB_ERROR.data. */
async function pairJob<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (controller.signal.aborted) throw new ResponseError(JOB_ERROR.cancelled, 'cancelled');
    if (err instanceof DataError || err instanceof ModelFileError || err instanceof GenerationError) throw new ResponseError(JOB_ERROR.data, err.message);
    throw err;
  }
}

const sendPairProgress = (p: PairTrainingProgress | PairGenerationProgress) => void connection.sendNotification(PairJobProgressNotification, p);

connection.onRequest(TrainPairsJob, (options) => pairJob(() => runPairTraining(options, { signal: controller.signal, onProgress: sendPairProgress })));
connection.onRequest(GeneratePairsJob, (options) => pairJob(() => runPairGeneration(options, { signal: controller.signal, onProgress: sendPairProgress })));

process.on('disconnect', () => process.exit(0));
connection.listen();
