// The compute process: a long-lived child of the language server that does the CPU-heavy work
// (folding, and predictions of the active regressor) so the server's event loop never blocks. It talks
// JSON-RPC over the Node IPC channel; if it dies, the server starts a new one on the next request.
import { parentConnection } from '../protocol/ipcConnection';
import { beamMfe, beamPartitionSummary, evalStructure, mfe, partition } from '../core/structure';
import { mfeNumbers, partitionNumbers } from '../core/structure/foldNumbers';
import { ActiveModel } from './activeModel';
import { AttributionComputeRequest, LoadModelComputeRequest, PredictComputeRequest } from '../protocol/compute';
import { EvalComputeRequest, FoldComputeRequest, type FoldSummary } from '../protocol/compute';

const connection = parentConnection();

connection.onRequest(FoldComputeRequest, ({ sequence, mode, beam }): FoldSummary => {
  const t0 = performance.now();
  if (mode === 'mfe') return { ...mfeNumbers(sequence, beam ? beamMfe(sequence, { beam }) : mfe(sequence)), ms: performance.now() - t0 };
  const p = beam ? beamPartitionSummary(sequence, { beam }) : partition(sequence);
  const pairs: number[] = [];
  p.bpp.forEach((i, j, prob) => pairs.push(i, j, prob), 1e-5);
  return { ...partitionNumbers(p, true), pairs, ms: performance.now() - t0 };
});

connection.onRequest(EvalComputeRequest, ({ sequence, structure }) => {
  const r = evalStructure(sequence, structure);
  return { energy: r.energy, warnings: r.warnings };
});

const activeModel = new ActiveModel();
connection.onRequest(LoadModelComputeRequest, ({ dir }) => activeModel.load(dir));
connection.onRequest(PredictComputeRequest, ({ records }) => activeModel.predict(records));
connection.onRequest(AttributionComputeRequest, ({ record }) => activeModel.attribution(record));

// The parent going away ends this process (no orphans).
process.on('disconnect', () => process.exit(0));
connection.listen();
