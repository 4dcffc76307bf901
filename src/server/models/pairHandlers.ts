// Language-server requests about pairs: read a pairs file for the panel (parsed here, not in the
// extension host), train a pair classifier + generator and generate pairs, each in its own job process
// (JobManager), with work-done progress on params.workDoneToken, training events for the training
// panel (trainingEvents.ts), and
// cancellation by the request token or CancelJobRequest (same jobId: the job stops between batches,
// is killed after 2 s, and leaves no partial model directory).
import * as fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ResponseError, type Connection } from 'vscode-languageserver/node';
import { parsePairsFile } from '../../core/datasets/pairsTable';
import { JOB_ERROR } from '../../protocol/errors';
import type { PairGenerationProgress, PairTrainingOutcome, PairTrainingProgress, PairTrainingReport } from '../../protocol/reports';
import { GeneratePairsRequest, ReadPairsRequest, TrainPairsRequest, type GenerationSummary, type PairTrainingSummary, type ReadPairsParams } from '../../protocol/editor';
import type { JobManager } from '../jobs/jobManager';
import { runJobRequest } from './jobRequest';
import { withTrainingEvents } from './trainingEvents';

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

/** What the training panel draws of a finished pair job (not the full metrics or the skipped rows). */
function pairTrainingOutcome(r: PairTrainingReport): PairTrainingOutcome {
  const { data, metrics: _metrics, ruleBaselines: _rules, splitMethod: _split, seed: _seed, ...rest } = r;
  return { ...rest, data: { file: data.file, records: data.records } };
}

/** Pairs files larger than this are refused (the panel keeps every row in memory). */
export const MAX_PAIRS_FILE_BYTES = 256 * 1024 * 1024;

async function readPairs({ uri, name, text }: ReadPairsParams): Promise<{ rows: ReturnType<typeof parsePairsFile> }> {
  try {
    if (text === undefined) {
      const file = fileURLToPath(uri);
      const { size } = await fs.stat(file);
      if (size > MAX_PAIRS_FILE_BYTES) throw new Error(`${name}: ${Math.round(size / 2 ** 20)} MB is more than the ${MAX_PAIRS_FILE_BYTES / 2 ** 20} MB a pairs panel reads`);
      text = await fs.readFile(file, 'utf8');
    }
    return { rows: parsePairsFile(text, name) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new ResponseError(JOB_ERROR.data, (err as NodeJS.ErrnoException).code ? `${name}: cannot be read (${message})` : message);
  }
}

export function registerPairHandlers(connection: Connection, deps: { jobs: JobManager }): void {
  const { jobs } = deps;

  connection.onRequest(ReadPairsRequest, readPairs);

  connection.onRequest(TrainPairsRequest, (params, token): Promise<PairTrainingSummary> =>
    runJobRequest(connection, jobs, params, token, 'Training pair model', (report) =>
      withTrainingEvents(
        connection,
        'pairs',
        params,
        (progress) =>
          jobs.run(
            'train-pairs',
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
              progress(p);
            },
          ),
        pairTrainingOutcome,
      ),
    ),
  );

  connection.onRequest(GeneratePairsRequest, (params, token): Promise<GenerationSummary> =>
    runJobRequest(connection, jobs, params, token, 'Generating pairs', async (report) => {
      const { jobId: _jobId, workDoneToken: _token, ...options } = params;
      const { report: _full, backend: _backend, ...summary } = await jobs.run('generate-pairs', params.jobId, options, (p) => {
        const m = generationMessage(p);
        report(m.percentage, m.message);
      });
      return summary;
    }),
  );
}
