// Language-server requests about pair models: train a pair classifier + generator and generate pairs,
// each in its own job process (JobManager), with work-done progress on params.workDoneToken and
// cancellation by the request token or CancelJobRequest (same jobId: the job stops between batches,
// is killed after 2 s, and leaves no partial model directory).
import type { Connection } from 'vscode-languageserver/node';
import type { PairGenerationProgress, PairTrainingProgress } from '../../protocol/reports';
import { GeneratePairsRequest, TrainPairsRequest, type GenerationSummary, type PairTrainingSummary } from '../../protocol/editor';
import type { JobManager } from '../jobs/jobManager';
import { runJobRequest } from './jobRequest';

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

export function registerPairHandlers(connection: Connection, deps: { jobs: JobManager }): void {
  const { jobs } = deps;

  connection.onRequest(TrainPairsRequest, (params, token): Promise<PairTrainingSummary> =>
    runJobRequest(connection, jobs, params, token, 'Training pair model', (report) =>
      jobs.trainPairs(
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
          report(m.percentage, m.message);
        },
      ),
    ),
  );

  connection.onRequest(GeneratePairsRequest, (params, token): Promise<GenerationSummary> =>
    runJobRequest(connection, jobs, params, token, 'Generating pairs', async (report) => {
      const { jobId: _jobId, workDoneToken: _token, ...options } = params;
      const { report: _full, backend: _backend, ...summary } = await jobs.generatePairs(params.jobId, options, (p) => {
        const m = generationMessage(p);
        report(m.percentage, m.message);
      });
      return summary;
    }),
  );
}
