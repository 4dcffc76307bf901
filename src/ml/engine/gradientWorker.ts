// The body of a gradient worker (a worker_threads thread of a training process): it starts the same
// TF.js backend as the training thread, rebuilds the network from its topology and the objective from
// its spec, and for every step message sets the weights it is sent and returns the loss and flat gradient
// of each of its shards (shardGradient, the same code the training thread runs). The entry that imports
// every objective and layer is ../gradientWorkerMain.ts.
import type { MessagePort } from 'node:worker_threads';
import * as tf from '../tf';
import { initBackend } from '../backend/initBackend';
import { writeFlatWeights } from './flatWeights';
import { objectiveOf, type Objective } from './objective';
import { shardGradient, trainableVariables } from './shardGradient';
import type { FromWorker, InitMessage, StepMessage, ToWorker } from './workerProtocol';

interface Replica {
  model: tf.LayersModel;
  variables: tf.Variable[];
  objective: Objective;
}

export function serveGradients(port: MessagePort): void {
  let replica: Replica | undefined;
  const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

  async function init(msg: InitMessage): Promise<void> {
    const info = await initBackend({ prefer: msg.backend, threads: 1 });
    if (info.name !== msg.backend) throw new Error(`worker backend is ${info.name}, the training thread's is ${msg.backend}`);
    replica?.model.dispose();
    const model = await tf.models.modelFromJSON({ modelTopology: msg.topology as tf.io.ModelJSON['modelTopology'] });
    replica = { model, variables: trainableVariables(model), objective: objectiveOf(msg.objective) };
    post({ type: 'ready', backend: info.name });
  }

  function step(msg: StepMessage): void {
    if (!replica) throw new Error('step before init');
    writeFlatWeights(replica.variables, msg.weights);
    const losses: number[] = [];
    const grads: Float32Array[] = [];
    for (const work of msg.shards) {
      const { loss, grad } = shardGradient(replica.model, replica.variables, replica.objective, work);
      try {
        losses.push(loss.dataSync()[0]!);
        grads.push(Float32Array.from(grad.dataSync() as Float32Array));
      } finally {
        tf.dispose([loss, grad]);
      }
    }
    post({ type: 'gradients', losses, grads }, grads.map((g) => g.buffer as ArrayBuffer));
  }

  port.on('message', (msg: ToWorker) => {
    (msg.type === 'init' ? init(msg) : Promise.resolve().then(() => step(msg))).catch((err: unknown) => {
      post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    });
  });
}
