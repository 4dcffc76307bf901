// Entry point of a job process (the 'job' role of dist/basepair.js): forked by the language server for one job,
// it runs the job with TF.js and exits when the server disconnects. Ending the process gives the
// wasm memory back and isolates crashes from the editor.
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, ResponseError } from 'vscode-jsonrpc/node';
import { DataError } from '../core/datasets/errors';
import { GenerationError } from '../ml/pairs/generate';
import { ModelFileError } from '../ml/io/modelFileError';
import { runPairGeneration } from './pairGeneration';
import { runPairTraining } from './pairTraining';
import { JOB_ERROR } from '../protocol/errors';
import type { PairGenerationProgress, PairTrainingProgress, TrainingProgress } from '../protocol/reports';
import { GeneratePairsJob, JobCancelNotification, JobProgressNotification, PairJobProgressNotification, TrainPairsJob, TrainRegressorJob } from '../protocol/jobs';
import { runRegressorTraining } from './regressorTraining';

const connection = createMessageConnection(new IPCMessageReader(process), new IPCMessageWriter(process));
const controller = new AbortController();

connection.onNotification(JobCancelNotification, () => controller.abort());

/** Runs a job, mapping cancel and the user's bad input (data, model file, constraints) to their JOB_ERROR codes. */
async function job<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (controller.signal.aborted) throw new ResponseError(JOB_ERROR.cancelled, 'cancelled');
    if (err instanceof DataError || err instanceof ModelFileError || err instanceof GenerationError) throw new ResponseError(JOB_ERROR.data, err.message);
    throw err;
  }
}

const callbacks = <P>(send: (p: P) => void) => ({ signal: controller.signal, onProgress: send });
const sendProgress = (p: TrainingProgress) => void connection.sendNotification(JobProgressNotification, p);
const sendPairProgress = (p: PairTrainingProgress | PairGenerationProgress) => void connection.sendNotification(PairJobProgressNotification, p);

connection.onRequest(TrainRegressorJob, (options) => job(() => runRegressorTraining(options, callbacks(sendProgress))));
connection.onRequest(TrainPairsJob, (options) => job(() => runPairTraining(options, callbacks(sendPairProgress))));
connection.onRequest(GeneratePairsJob, (options) => job(() => runPairGeneration(options, callbacks(sendPairProgress))));

process.on('disconnect', () => process.exit(0));
connection.listen();
