// The basepair/trainingEvent notifications of one training job, regressor or pairs, for the training
// panel: started, progress, then done or failed. Progress that adds a point to a curve (an epoch's
// end) and every change of phase are always sent; progress within a phase (folding record k, batch k
// of an epoch) at most once per PROGRESS_INTERVAL_MS, so a fast job cannot flood the editor.
import type { Connection } from 'vscode-languageserver/node';
import { TrainingEventNotification, type TrainingEvent, type TrainingTask } from '../../protocol/editor';
import { isCurvePoint } from '../../protocol/reports';
import { asJobFailed } from './jobRequest';

const PROGRESS_INTERVAL_MS = 250;

type EventOf<K extends TrainingEvent['kind'], T extends TrainingTask> = Extract<TrainingEvent, { kind: K; task: T }>;
type ProgressOf<T extends TrainingTask> = EventOf<'progress', T>['progress'];
type Unsent = TrainingEvent extends infer E ? (E extends TrainingEvent ? Omit<E, 'jobId'> : never) : never;

/**
 * Runs `run` (the job) between a `started` and a `done` / `failed` event; `run` reports progress
 * through the function it is given. `outcome` turns the job's result into what the panel draws.
 */
export async function withTrainingEvents<T extends TrainingTask, R>(
  connection: Connection,
  task: T,
  params: EventOf<'started', T>['params'],
  run: (progress: (p: ProgressOf<T>) => void) => Promise<R>,
  outcome: (result: R) => EventOf<'done', T>['report'],
): Promise<R> {
  const { jobId } = params;
  const send = (e: Unsent) => void connection.sendNotification(TrainingEventNotification, { jobId, ...e } as TrainingEvent);
  let lastPhase = '';
  let lastSent = 0;
  send({ kind: 'started', task, params } as Unsent);
  try {
    const result = await run((progress) => {
      const now = performance.now();
      if (!isCurvePoint(progress) && progress.phase === lastPhase && now - lastSent < PROGRESS_INTERVAL_MS) return;
      lastPhase = progress.phase;
      lastSent = now;
      send({ kind: 'progress', task, progress } as Unsent);
    });
    send({ kind: 'done', task, report: outcome(result) } as Unsent);
    return result;
  } catch (err) {
    const failed = asJobFailed(err);
    send({ kind: 'failed', message: failed.message, cancelled: failed.cancelled });
    throw failed;
  }
}
