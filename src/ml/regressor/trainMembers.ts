// Trains the members of a run one after the other (one for a single model, k for a k-fold ensemble),
// each with its own seed, layer prefix and train/valid part, reporting progress with an ETA; then
// joins them into the one network that is saved (outputs side by side, [batch, members]).
import type * as tf from '../tf';
import type { EncodedRecord, InputSpec } from '../features/batchEncoder';
import { buildNetwork, copyMemberWeights, type ArchitectureConfig, type ArchitectureName } from '../models/architectures';
import { fit } from '../engine/fit';
import { regressionTask, type EpochStats } from './regressionTask';
import { predictMembers } from './predictEncoded';
import { remainingTime } from './remainingTime';
import type { ParallelTraining, TrainProgress } from './trainTypes';

export interface MemberPlan {
  arch: ArchitectureName;
  spec: InputSpec;
  config: ArchitectureConfig;
  encoded: readonly EncodedRecord[];
  /** Standardised targets of all records. */
  z: Float32Array;
  parts: { train: Int32Array; valid: Int32Array }[];
  seeds: number[];
  epochs: number;
  batchSize: number;
  learningRate: number;
  patience: number;
  /** Gradient shards per batch and worker threads (the engine's defaults when absent). */
  shards?: number;
  workers?: number;
}

export interface TrainedMembers {
  /** All members in one network, output [batch, members]. */
  network: tf.LayersModel;
  history: EpochStats[][];
  /** Each record's output from the member that validated on it (NaN for records no member validated). */
  outOfFold: Float32Array;
  trainedSamples: number;
  /** Seconds in training batches / in whole epochs (with validation). */
  trainSeconds: number;
  epochSeconds: number;
  /** Gradient shards per batch, the worker threads that computed them, why none could start (first member). */
  parallel: ParallelTraining;
}

export async function trainMembers(plan: MemberPlan, onProgress?: (p: TrainProgress) => void, signal?: AbortSignal): Promise<TrainedMembers> {
  const pick = <T>(arr: readonly T[], idx: Int32Array): T[] => Array.from(idx, (i) => arr[i]!);
  const pickZ = (idx: Int32Array): Float32Array => Float32Array.from(idx, (i) => plan.z[i]!);
  const members = plan.parts.length;
  const trained: tf.LayersModel[] = [];
  const result: Omit<TrainedMembers, 'network'> = { history: [], outOfFold: new Float32Array(plan.z.length).fill(NaN), trainedSamples: 0, trainSeconds: 0, epochSeconds: 0, parallel: { shards: 1, workers: 0 } };
  const epochSeconds: number[] = [];
  const finishedMemberEpochs: number[] = [];
  try {
    for (let k = 0; k < members; k++) {
      const part = plan.parts[k]!;
      const network = buildNetwork(plan.arch, plan.spec, plan.config, [plan.seeds[k]!], k);
      trained.push(network);
      const task = regressionTask({ spec: plan.spec, train: pick(plan.encoded, part.train), trainTargets: pickZ(part.train), valid: pick(plan.encoded, part.valid), validTargets: pickZ(part.valid) });
      const options = {
        epochs: plan.epochs,
        batchSize: plan.batchSize,
        learningRate: plan.learningRate,
        patience: plan.patience,
        seed: plan.seeds[k]!,
        ...(plan.shards !== undefined ? { shards: plan.shards } : {}),
        ...(plan.workers !== undefined ? { workers: plan.workers } : {}),
      };
      const fitted = await fit(network, task, options, {
        ...(signal ? { signal } : {}),
        onEpoch: (e) => {
          result.epochSeconds += e.seconds;
          epochSeconds.push(e.seconds);
          const eta = remainingTime({ epochSeconds, epoch: e.epoch, maxEpochs: plan.epochs, epochsSinceBest: e.epochsSinceBest, patience: plan.patience, membersAfter: members - k - 1, finishedMemberEpochs });
          onProgress?.({
            stage: 'model',
            member: k + 1,
            members,
            maxEpochs: plan.epochs,
            epoch: e.epoch,
            trainLoss: e.trainLoss,
            validLoss: e.validLoss,
            validSpearman: e.validSpearman,
            learningRate: e.learningRate,
            epochSeconds: e.seconds,
            etaSeconds: eta.maxSeconds,
            etaMinSeconds: eta.minSeconds,
          });
        },
      });
      result.history.push(fitted.history);
      finishedMemberEpochs.push(fitted.history.length);
      if (k === 0) result.parallel = { shards: fitted.shards, workers: fitted.workers, ...(fitted.workerFailure ? { workerFailure: fitted.workerFailure } : {}) };
      result.trainedSamples += fitted.trainedItems;
      result.trainSeconds += fitted.trainSeconds;
      const validOut = await predictMembers(network, pick(plan.encoded, part.valid), plan.spec, 1, 256, signal);
      part.valid.forEach((i, r) => (result.outOfFold[i] = validOut[r]!));
    }
    if (trained.length === 1) return { network: trained[0]!, ...result };
    const combined = buildNetwork(plan.arch, plan.spec, plan.config, plan.seeds);
    copyMemberWeights(combined, trained);
    trained.forEach((m) => m.dispose());
    return { network: combined, ...result };
  } catch (err) {
    trained.forEach((m) => m.dispose());
    throw err;
  }
}
