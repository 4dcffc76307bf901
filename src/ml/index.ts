// Public API of Basepair's deep-learning layer (TF.js). Runs in job processes only (training jobs, the
// compute process): never import it from src/client, src/server or src/core.
//
//   const backend = await initBackend();             // tfjs-node, else wasm + our kernels, else cpu
//   const run = await trainRegressor({ records }, { arch: 'default', seed: 1, folds: 1 },
//                                    { onProgress: (p) => ..., signal });
//   run.metrics.test, run.baselines.test, run.verdict  // model vs mean/ridge, "does it learn?"
//   await saveModel('.basepair/models/name', run.model); // model.json + weights.bin + card.json, atomic
//   const model = await loadModel(dir);                  // ModelFileError naming the file when bad
//   const out = await predict(model, [{ sequence, structure }]); // [{ prediction, sd? }] in input order
//   disposeModel(model);
//
// Records carry their structure already resolved by the caller: `structure` (dot-bracket, given or MFE)
// or `pairProbabilities` (1-based i < j, from core/structure). The model card says which source a model
// was trained with (`card.structureSource`); give new records the same kind.
//
// initBackend(opts?: BackendOptions): Promise<BackendInfo>
//   opts.prefer 'auto' | 'tensorflow' | 'wasm' | 'cpu'; opts.threads (wasm, default 1 = off);
//   opts.wasmDir (where the .wasm files are; default: next to the bundle, else node_modules).
//   BackendInfo { name, reason, simd?, threads, replacedKernels, tfjsVersion, initMs }.
// trainRegressor(data: TrainData, options?: TrainOptions, callbacks?: TrainCallbacks): Promise<TrainResult>
//   data { records: TrainingRecord[] (sequence, structure? | pairProbabilities?, target, split?, group?, id?),
//          targetName?, structureSource? }
//   options { arch, epochs, batchSize, learningRate, patience, seed, folds, split, fractions, config,
//             shards (gradient shards per batch, default one per 16 records, at most 8), workers (threads for them, default min(cores - 1, shards - 1)) }
//   callbacks { onProgress(TrainProgress: member, epoch, trainLoss, validLoss, validSpearman, etaSeconds...),
//               signal: AbortSignal — stops between batches and rejects with Cancelled }
//   TrainResult { model, backend, sizes, metrics {valid, test}, baselines {valid, test}, verdict, history,
//                 predictions (valid/test, for scatter plots), epochsRun, samplesPerSecond, meanEpochSeconds,
//                 parallel { shards, workers } }
// saveModel(dir, model: RegressionModel): Promise<void>      loadModel(dir): Promise<RegressionModel>
// predict(model, records: SequenceInput[], { batchSize?, signal? }): Promise<Prediction[]>
export { initBackend, currentBackend, type BackendInfo, type BackendOptions, type BackendName } from './backend/initBackend';
export { trainRegressor, type TrainData, type TrainOptions, type TrainCallbacks, type TrainProgress, type TrainResult, type TrainingRecord, type RecordPrediction } from './regressor/trainRegressor';
export { predict, type Prediction, type PredictOptions } from './regressor/predict';
export { Cancelled } from './engine/cancelled';
export type { EpochStats } from './regressor/regressionTask';
export type { SplitMethod } from './regressor/splitRecords';
export { saveModel, loadModel, type RegressionModel } from './io/modelDir';
export { ModelFileError } from './io/modelFileError';
export { CARD_JSON, FORMAT_VERSION, type ModelCard } from './io/modelCard';
export { MODEL_JSON, WEIGHTS_BIN } from './io/layersFormat';
export { ARCHITECTURES, isArchitectureName, type ArchitectureName, type ArchitectureConfig } from './models/architectures';
export type { SequenceInput } from './features/structureInput';

import type { RegressionModel } from './io/modelDir';

/** Frees the model's tensors (wasm memory). */
export function disposeModel(model: RegressionModel): void {
  model.network.dispose();
}
