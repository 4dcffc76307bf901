// Messages between the training thread and its gradient workers (worker_threads).
import type { BackendName } from '../backend/initBackend';
import type { ObjectiveSpec } from './objective';
import type { ShardWork } from './shardGradient';

export interface InitMessage {
  type: 'init';
  backend: BackendName;
  /** The network's topology (model.toJSON(), parsed); weights arrive with every step. */
  topology: object;
  objective: ObjectiveSpec;
}

export interface StepMessage {
  type: 'step';
  weights: Float32Array;
  /** The shards this worker computes in this step, in shard order. */
  shards: ShardWork[];
}

export type ToWorker = InitMessage | StepMessage;

export type FromWorker =
  | { type: 'ready'; backend: BackendName }
  | { type: 'gradients'; losses: number[]; grads: Float32Array[] }
  | { type: 'error'; message: string };
