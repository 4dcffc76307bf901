// Data-parallel training steps. Every batch is cut into a fixed number of contiguous shards; each shard's
// weighted loss and gradient is computed by shardGradient — on the training thread or in a gradient
// worker, dealt round-robin (shardPlan.threadOf) — and the batch gradient is their sum, added in shard
// order, then one FusedAdam step. Dropout masks are drawn per (step, shard). The result therefore depends
// on the number of shards, never on the number of workers: 0, 1, 3 or 7 workers give bit-identical
// weights, only at other speeds — which is also why a worker that fails or is closed mid-run costs
// nothing but speed: its shards are computed here from then on.
import * as tf from '../tf';
import type { BackendName } from '../backend/initBackend';
import { readFlatWeights } from './flatWeights';
import type { FusedAdam } from './fusedAdam';
import { GradientWorkers } from './gradientWorkers';
import { objectiveOf, type Objective, type ObjectiveSpec } from './objective';
import { shardGradient, trainableVariables, type ShardWork } from './shardGradient';
import { splitShards, threadOf } from './shardPlan';

type Computed = { loss: number; grad: tf.Tensor };

export class ShardedSteps {
  private readonly variables: tf.Variable[];
  private readonly objective: Objective;
  private step = 0;

  private constructor(
    private readonly model: tf.LayersModel,
    private readonly optimizer: FusedAdam,
    objective: ObjectiveSpec,
    readonly shards: number,
    private workers: GradientWorkers | undefined,
    /** Why workers are not (or no longer) used, when they were wanted. */
    private failure: string | undefined,
  ) {
    this.variables = trainableVariables(model);
    this.objective = objectiveOf(objective);
  }

  /** Starts the workers (if any); a worker that cannot start leaves all shards on this thread. */
  static async create(model: tf.LayersModel, optimizer: FusedAdam, objective: ObjectiveSpec, shards: number, workerCount: number): Promise<ShardedSteps> {
    let workers: GradientWorkers | undefined;
    let failure: string | undefined;
    if (workerCount > 0 && shards > 1) {
      try {
        const topology = JSON.parse(model.toJSON(undefined, true) as string) as object;
        workers = await GradientWorkers.start(Math.min(workerCount, shards - 1), { type: 'init', backend: tf.getBackend() as BackendName, topology, objective });
      } catch (err) {
        failure = err instanceof Error ? err.message : String(err);
      }
    }
    return new ShardedSteps(model, optimizer, objective, shards, workers, failure);
  }

  /** Worker threads in use (0 once they failed or were closed). */
  get workerCount(): number {
    return this.workers?.count ?? 0;
  }

  get workerFailure(): string | undefined {
    return this.failure;
  }

  /** One optimiser step on the items `idx`; returns the batch's loss and total weight. */
  async train(idx: Int32Array): Promise<{ loss: number; weight: number }> {
    const parts = splitShards(idx, this.shards);
    const weights = parts.map((p) => this.objective.weight(p));
    const total = weights.reduce((a, b) => a + b, 0);
    const first = this.step * this.shards;
    this.step++;
    const work: ShardWork[] = parts.map((indices, s) => ({ indices, scale: total > 0 ? 1 / total : 0, dropoutCall: first + s }));
    const computed: (Computed | undefined)[] = new Array(parts.length).fill(undefined);
    const here = (s: number): Computed => {
      const { loss, grad } = shardGradient(this.model, this.variables, this.objective, work[s]!);
      try {
        return { loss: loss.dataSync()[0]!, grad };
      } finally {
        loss.dispose();
      }
    };
    try {
      const pool = this.workers;
      const threads = pool?.count ?? 0;
      const sent = pool ? readFlatWeights(this.variables) : undefined;
      const remote = Array.from({ length: threads }, (_, w) => {
        const mine = parts.map((_, s) => s).filter((s) => threadOf(s, threads) === w + 1);
        const asked = mine.length ? pool!.gradients(w, { weights: sent!, shards: mine.map((s) => work[s]!) }) : Promise.resolve({ losses: [], grads: [] });
        // settled at once, so that a worker failing while this thread computes is never an unhandled rejection
        const reply = asked.then((r) => ({ ok: r }), (err: unknown) => ({ err }));
        return { mine, reply };
      });
      parts.forEach((_, s) => {
        if (threadOf(s, threads) === 0) computed[s] = here(s);
      });
      for (const { mine, reply } of remote) {
        const r = await reply;
        if ('ok' in r) {
          mine.forEach((s, k) => (computed[s] = { loss: r.ok.losses[k]!, grad: tf.tensor1d(r.ok.grads[k]!) }));
        } else {
          // the weights have not moved since they were sent: these shards' gradients are the same computed here
          this.dropWorkers(r.err);
          for (const s of mine) computed[s] = here(s);
        }
      }
      tf.tidy(() => {
        let g = computed[0]!.grad;
        for (let s = 1; s < computed.length; s++) g = tf.add(g, computed[s]!.grad);
        this.optimizer.applyFlatGradient(g, this.variables);
      });
      return { loss: computed.reduce((sum, c) => sum + c!.loss, 0), weight: total };
    } finally {
      tf.dispose(computed.flatMap((c) => (c ? [c.grad] : [])));
    }
  }

  /** Stops the workers; later steps compute every shard on this thread (same results). */
  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = undefined;
    await workers?.close();
  }

  private dropWorkers(reason: unknown): void {
    if (!this.workers) return;
    this.failure ??= reason instanceof Error ? reason.message : String(reason);
    void this.close();
  }
}
