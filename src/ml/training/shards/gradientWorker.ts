// Entry point of a gradient worker (a worker_threads thread of a training process; bundled as
// dist/gradientWorker.js). It starts the same TF.js backend as the training thread, rebuilds the network
// from its topology, keeps the training records, and for every step message sets the weights it is sent
// and returns the loss and flat gradient of its shard (shardGradient, the same code the training thread runs).
import { parentPort } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import '../../layers';
import { initBackend } from '../../backend/initBackend';
import { writeFlatWeights } from './flatWeights';
import type { FromWorker, InitMessage, ToWorker } from './protocol';
import { shardGradient, trainableVariables } from './shardGradient';

interface Replica {
  model: tf.LayersModel;
  variables: tf.Variable[];
  data: Pick<InitMessage, 'records' | 'targets' | 'spec'>;
}

const port = parentPort;
if (!port) throw new Error('gradientWorker must run in a worker thread');
let replica: Replica | undefined;

function post(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(message, transfer);
}

async function init(msg: InitMessage): Promise<void> {
  const info = await initBackend({ prefer: msg.backend, threads: 1 });
  if (info.name !== msg.backend) throw new Error(`worker backend is ${info.name}, the training thread's is ${msg.backend}`);
  replica?.model.dispose();
  const model = await tf.models.modelFromJSON({ modelTopology: msg.topology as tf.io.ModelJSON['modelTopology'] });
  replica = { model, variables: trainableVariables(model), data: msg };
  post({ type: 'ready', backend: info.name });
}

function step(msg: Extract<ToWorker, { type: 'step' }>): void {
  if (!replica) throw new Error('step before init');
  writeFlatWeights(replica.variables, msg.weights);
  const { loss, grad } = shardGradient(replica.model, replica.variables, replica.data, msg.indices, msg.dropoutCall);
  try {
    const flat = Float32Array.from(grad.dataSync() as Float32Array);
    post({ type: 'gradient', loss: loss.dataSync()[0]!, grad: flat }, [flat.buffer]);
  } finally {
    tf.dispose([loss, grad]);
  }
}

port.on('message', (msg: ToWorker) => {
  (msg.type === 'init' ? init(msg) : Promise.resolve().then(() => step(msg))).catch((err: unknown) => {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  });
});
