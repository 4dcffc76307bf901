// One training run of the RNA regressor, start to verdict: split the records, standardise the target,
// train the network (or a k-fold ensemble), fit the baselines (mean, ridge on k-mers + structure), and
// report test and validation metrics of both with the diagnosis "does it learn?". Files are not written
// here (saveModel does that, atomically), so a cancelled run leaves nothing behind.
import type * as tf from '../tf';
import { targetStats } from '../../core/diagnosis/targetStats';
import { diagnose } from '../../core/diagnosis/verdict';
import { currentBackend, initBackend } from '../backend/initBackend';
import { encodeRecord } from '../features/batchEncoder';
import { architectureInputs, defaultConfig, type ArchitectureConfig, type ArchitectureName } from '../models/architectures';
import { Cancelled } from '../engine/cancelled';
import { dataHash } from './dataHash';
import { evaluateSplits } from './evaluateSplits';
import { modelCardOf } from './modelCardOf';
import { summarise } from './predict';
import { predictMembers } from './predictEncoded';
import { foldParts, splitRecords } from './splitRecords';
import { fitNormalisation, standardise } from './standardise';
import { trainMembers } from './trainMembers';
import type { RecordPrediction, TrainCallbacks, TrainData, TrainOptions, TrainResult } from './trainTypes';

export type { RecordPrediction, TrainCallbacks, TrainData, TrainingRecord, TrainOptions, TrainProgress, TrainResult } from './trainTypes';

const DEFAULTS = { arch: 'default' as ArchitectureName, epochs: 100, batchSize: 32, learningRate: 2e-3, patience: 30, seed: 1, folds: 1 };
/** The seed's CNN takes ~15x longer per epoch: a shorter schedule (the one it was compared with). */
const ARCH_SCHEDULES: Partial<Record<ArchitectureName, { epochs: number; patience: number }>> = { 'seed-cnn': { epochs: 60, patience: 10 } };

export async function trainRegressor(data: TrainData, options: TrainOptions = {}, callbacks: TrainCallbacks = {}): Promise<TrainResult> {
  const opts = { ...DEFAULTS, ...ARCH_SCHEDULES[options.arch ?? DEFAULTS.arch], ...options };
  const { records } = data;
  const backend = currentBackend() ?? (await initBackend());
  if (records.length < 10) throw new Error(`too few records to train (${records.length}; at least 10)`);
  const split = splitRecords(records, opts.split ?? 'auto', opts.seed, opts.fractions);
  if (split.train.length === 0) throw new Error('no training records after the split');
  const parts = foldParts(records, split, opts.folds, opts.seed);
  if (parts.some((m) => m.valid.length === 0)) throw new Error('no validation records: early stopping needs some (check the split)');

  const norm = fitNormalisation(Array.from(split.train, (i) => records[i]!.target));
  const maxLength = records.reduce((m, r) => Math.max(m, r.sequence.length), 0);
  const spec = architectureInputs(opts.arch, { maxLength, partnersPerPosition: records.some((r) => r.pairProbabilities) ? 3 : 1 });
  const config = { ...defaultConfig(opts.arch), ...(opts.config ?? {}) } as ArchitectureConfig;
  const encoded = records.map((r) => encodeRecord(r, spec));
  const seeds = parts.map((_, k) => opts.seed * 1000 + k);
  let network: tf.LayersModel | undefined;
  try {
    const members = await trainMembers(
      {
        arch: opts.arch,
        spec,
        config,
        encoded,
        z: standardise(records.map((r) => r.target), norm),
        parts,
        seeds,
        epochs: opts.epochs,
        batchSize: opts.batchSize,
        learningRate: opts.learningRate,
        patience: opts.patience,
        ...(opts.shards !== undefined ? { shards: opts.shards } : {}),
        ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
      },
      callbacks.onProgress,
      callbacks.signal,
    );
    network = members.network;
    const k = parts.length;

    // predictions on validation and test records; in an ensemble every validation record was in some
    // member's training data, so validation uses each record's out-of-fold output
    const evalIdx = Int32Array.from([...split.valid, ...split.test]);
    const out = await predictMembers(network, Array.from(evalIdx, (i) => encoded[i]!), spec, k, 256, callbacks.signal);
    const predictions: RecordPrediction[] = Array.from(evalIdx, (i, r) => {
      const rec = records[i]!;
      const inValid = r < split.valid.length;
      const p = inValid && k > 1 ? summarise([members.outOfFold[i]!], norm) : summarise(out.subarray(r * k, (r + 1) * k), norm);
      return { index: i, ...(rec.id !== undefined ? { id: rec.id } : {}), split: inValid ? 'valid' : 'test', target: rec.target, ...p };
    });
    const scores = evaluateSplits(records, split, predictions);
    const evalSplit = scores.metrics.test ? 'test' : 'valid';
    const parametersPerMember = network.countParams() / k;

    let sequenceOnly: TrainResult['sequenceOnly'];
    if (opts.compareSequenceOnly && opts.arch !== 'sequence-only') {
      const plain = records.map(({ pairProbabilities: _p, structure: _s, ...rest }) => rest);
      const comparison = await trainRegressor(
        { records: plain },
        { ...options, arch: 'sequence-only', folds: 1, compareSequenceOnly: false, config: {}, split: opts.split ?? 'auto' },
        { ...(callbacks.signal ? { signal: callbacks.signal } : {}), onProgress: (p) => callbacks.onProgress?.({ ...p, stage: 'sequence-only' }) },
      );
      comparison.model.network.dispose();
      sequenceOnly = comparison.metrics;
    }

    const verdict = diagnose({
      model: scores.metrics[evalSplit]!,
      baselines: scores.baselines[evalSplit]!,
      curves: { train: members.history[0]!.map((e) => e.trainLoss), valid: members.history[0]!.map((e) => e.validLoss) },
      nTrain: split.train.length,
      parameters: parametersPerMember,
      target: targetStats(Array.from(split.train, (i) => records[i]!)),
      targetStandardised: true,
      earlyStopping: true,
      ...(sequenceOnly?.[evalSplit] ? { sequenceOnly: sequenceOnly[evalSplit] } : {}),
    });
    const sizes = { train: split.train.length, valid: split.valid.length, test: split.test.length };
    const epochsRun = members.history.reduce((s, h) => s + h.length, 0);
    const samplesPerSecond = members.trainSeconds > 0 ? members.trainedSamples / members.trainSeconds : 0;
    const card = modelCardOf({
      targetName: data.targetName ?? 'target',
      structureSource: opts.arch === 'sequence-only' ? 'none' : (data.structureSource ?? 'given'),
      normalisation: norm,
      spec,
      arch: opts.arch,
      config,
      parametersPerMember,
      members: k,
      options: { seed: opts.seed, epochs: opts.epochs, batchSize: opts.batchSize, learningRate: opts.learningRate, patience: opts.patience, folds: opts.folds, gradientShards: members.parallel.shards, workerThreads: members.parallel.workers },
      history: members.history,
      samplesPerSecond,
      sizes,
      splitMethod: split.method,
      scores,
      verdict,
      dataHash: dataHash(records),
      backend,
    });
    return {
      model: { network, card },
      backend,
      sizes,
      metrics: scores.metrics,
      ...(sequenceOnly ? { sequenceOnly } : {}),
      baselines: scores.baselines,
      verdict,
      history: members.history,
      predictions,
      epochsRun,
      samplesPerSecond,
      meanEpochSeconds: epochsRun ? members.epochSeconds / epochsRun : 0,
      parallel: members.parallel,
    };
  } catch (err) {
    network?.dispose();
    if (callbacks.signal?.aborted) throw new Cancelled();
    throw err;
  }
}
