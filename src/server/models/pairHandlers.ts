// Language-server requests about pair models: train a pair classifier + generator and generate pairs,
// each in its own job process (JobManager), with work-done progress on params.workDoneToken and
// cancellation by the request token or CancelJobRequest (same jobId: the job stops between batches,
// is killed after 2 s, and leaves no partial model directory).
import { ResponseError, type Connection } from 'vscode-languageserver/node';
import type { PairGenerationProgress } from '../../jobs/pairGeneration';
import type { PairTrainingProgress } from '../../jobs/pairTraining';
import { GeneratePairsRequest, TrainPairsRequest, type GenerationSummary, type PairTrainingSummary } from '../../protocol';
import { JobFailed, type JobManager } from '../jobs/jobManager';

export const PAIR_ERROR = { failed: 1, cancelled: 2 } as const;

function trainingMessage(p: PairTrainingProgress): { message: string; percentage: number } {
  switch (p.phase) {
    case 'loading':
      return { message: 'reading the data', percentage: 0 };
    case 'classifier': {
      const done = (p.epoch - 1 + p.batch / Math.max(1, p.batches)) / p.maxEpochs;
      const auroc = p.validAuroc !== undefined ? `, valid AUROC ${p.validAuroc.toFixed(3)}` : '';
      return { message: `classifier epoch ${p.epoch}/${p.maxEpochs}${auroc}`, percentage: 2 + Math.round(done * 60) };
    }
    case 'generator': {
      const done = (p.epoch - 1 + p.batch / Math.max(1, p.batches)) / p.maxEpochs;
      const nll = p.validNll !== undefined ? `, valid NLL ${p.validNll.toFixed(3)}/base` : '';
      return { message: `generator epoch ${p.epoch}/${p.maxEpochs}${nll}`, percentage: 62 + Math.round(done * 36) };
    }
    case 'saving':
      return { message: 'saving the model', percentage: 99 };
  }
}

function generationMessage(p: PairGenerationProgress): { message: string; percentage: number } {
  if (p.phase === 'loading') return { message: 'loading the model', percentage: 0 };
  return { message: `${p.accepted}/${p.n} accepted of ${p.drawn} drawn`, percentage: Math.min(99, Math.round((p.accepted / Math.max(1, p.n)) * 100)) };
}

function failure(err: unknown): ResponseError<void> {
  const f = err instanceof JobFailed ? err : new JobFailed(err instanceof Error ? err.message : String(err), false);
  return new ResponseError(f.cancelled ? PAIR_ERROR.cancelled : PAIR_ERROR.failed, f.message);
}

export function registerPairHandlers(connection: Connection, deps: { jobs: JobManager }): void {
  const { jobs } = deps;

  connection.onRequest(TrainPairsRequest, async (params, token): Promise<PairTrainingSummary> => {
    const progress = connection.window.attachWorkDoneProgress(params.workDoneToken);
    progress.begin('Training pair model', 0, 'starting', true);
    const sub = token.onCancellationRequested(() => jobs.cancel(params.jobId));
    try {
      const report = await jobs.trainPairs(
        params.jobId,
        {
          data: params.data,
          out: params.out,
          ...(params.epochs !== undefined ? { epochs: params.epochs } : {}),
          ...(params.seed !== undefined ? { seed: params.seed } : {}),
          ...(params.group ? { group: params.group } : {}),
          skipBad: params.skipBad ?? false,
        },
        (p) => {
          const m = trainingMessage(p);
          progress.report(m.percentage, m.message);
        },
      );
      return report;
    } catch (err) {
      throw failure(err);
    } finally {
      sub.dispose();
      progress.done();
    }
  });

  connection.onRequest(GeneratePairsRequest, async (params, token): Promise<GenerationSummary> => {
    const progress = connection.window.attachWorkDoneProgress(params.workDoneToken);
    progress.begin('Generating pairs', 0, 'starting', true);
    const sub = token.onCancellationRequested(() => jobs.cancel(params.jobId));
    const { jobId: _jobId, workDoneToken: _token, ...options } = params;
    try {
      const { report: _full, backend: _backend, ...summary } = await jobs.generatePairs(params.jobId, options, (p) => {
        const m = generationMessage(p);
        progress.report(m.percentage, m.message);
      });
      return summary;
    } catch (err) {
      throw failure(err);
    } finally {
      sub.dispose();
      progress.done();
    }
  });
}
