// Language-server requests about models: train (a job process per request, progress to the editor
// as work-done progress and as basepair/trainingEvent notifications for the training panel, trainingEvents.ts),
// cancel, choose the active model, predict a document.
import { ResponseError, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import {
  AttributionRequest,
  CancelJobRequest,
  PredictDocumentRequest,
  SetActiveModelRequest,
  TrainRequest,
  type TrainingProgress,
} from '../../protocol/editor';
import type { AnalysisCache } from '../analysis';
import { predictDocument } from '../features/predictDocument';
import type { JobManager } from '../jobs/jobManager';
import { runJobRequest } from './jobRequest';
import { withTrainingEvents } from './trainingEvents';
import type { ModelService } from './modelService';


function progressMessage(p: TrainingProgress): { message: string; percentage?: number } {
  switch (p.phase) {
    case 'loading':
      return { message: 'reading the data' };
    case 'folding':
      return { message: `folding ${p.done}/${p.total} (${p.source})`, percentage: Math.round((p.done * 10) / p.total) };
    case 'training': {
      const member = p.members > 1 ? `fold ${p.member}/${p.members}, ` : '';
      const done = ((p.member - 1) * p.maxEpochs + p.epoch) / (p.members * p.maxEpochs);
      return {
        message: `${member}epoch ${p.epoch}: valid loss ${p.validLoss.toFixed(3)}, Spearman ${p.validSpearman.toFixed(3)}`,
        percentage: 10 + Math.round(done * 88),
      };
    }
    case 'saving':
      return { message: 'saving the model', percentage: 99 };
  }
}

export function registerModelHandlers(
  connection: Connection,
  deps: { jobs: JobManager; models: ModelService; documents: TextDocuments<TextDocument>; cache: AnalysisCache },
): void {
  const { jobs, models, documents, cache } = deps;

  connection.onRequest(TrainRequest, (params, token) =>
    runJobRequest(connection, jobs, params, token, 'Training', (report) =>
      withTrainingEvents(
        connection,
        'regressor',
        params,
        (progress) =>
          jobs.run(
            'train-regressor',
            params.jobId,
            {
              data: params.data,
              out: params.out,
              ...(params.arch ? { arch: params.arch } : {}),
              ...(params.structure ? { structure: params.structure } : {}),
              ...(params.epochs !== undefined ? { epochs: params.epochs } : {}),
              ...(params.folds !== undefined ? { folds: params.folds } : {}),
              ...(params.seed !== undefined ? { seed: params.seed } : {}),
              load: { ...(params.targetColumn ? { targetColumn: params.targetColumn } : {}), skipBad: params.skipBad ?? false },
            },
            (p) => {
              const m = progressMessage(p);
              report(m.percentage ?? 0, m.message);
              progress(p);
            },
          ),
        (result) => result,
      ),
    ),
  );

  connection.onRequest(CancelJobRequest, ({ jobId }) => jobs.cancel(jobId));

  connection.onRequest(SetActiveModelRequest, async ({ dir }) => {
    try {
      const info = await models.setActive(dir);
      connection.console.info(info ? `active model: ${info.dir} (${info.arch}, target ${info.targetName})` : 'no active model');
      return info;
    } catch (err) {
      throw new ResponseError(1, err instanceof Error ? err.message : String(err));
    }
  });

  connection.onRequest(AttributionRequest, async ({ sequence, structure }) => {
    const model = models.active;
    if (!model) return null;
    try {
      const r = await models.attribution({ sequence, ...(structure ? { structure } : {}) });
      return { model, reference: r.reference, values: r.values };
    } catch (err) {
      throw new ResponseError(1, err instanceof Error ? err.message : String(err));
    }
  });

  connection.onRequest(PredictDocumentRequest, async ({ uri }) => {
    const doc = documents.get(uri);
    const analysis = doc ? cache.get(doc) : undefined;
    try {
      return await predictDocument(analysis ? { parsed: analysis.file } : { fsPath: fileURLToPath(uri) }, models);
    } catch (err) {
      throw new ResponseError(1, err instanceof Error ? err.message : String(err));
    }
  });
}
