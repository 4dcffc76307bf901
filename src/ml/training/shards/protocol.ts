// Messages between the training thread and its gradient workers (worker_threads).
import type { EncodedRecord, InputSpec } from '../../features/batchEncoder';
import type { BackendName } from '../../backend/initBackend';

export interface InitMessage {
  type: 'init';
  backend: BackendName;
  /** The network's topology (model.toJSON(), parsed); weights arrive with every step. */
  topology: object;
  spec: InputSpec;
  records: readonly EncodedRecord[];
  targets: Float32Array;
}

export interface StepMessage {
  type: 'step';
  weights: Float32Array;
  indices: Int32Array;
  dropoutCall: number;
}

export type ToWorker = InitMessage | StepMessage;

export type FromWorker =
  | { type: 'ready'; backend: BackendName }
  | { type: 'gradient'; loss: number; grad: Float32Array }
  | { type: 'error'; message: string };
