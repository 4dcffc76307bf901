// The training thread's gradient workers: worker_threads that each compute some shards of every batch
// (./gradientWorker.ts, entry ../gradientWorkerMain.ts). Started per fit with the network's topology and
// the objective's spec; a step sends the current weights and the shards' items and resolves with each
// shard's loss and gradient. Under tsx (tests, bench) the worker is the TypeScript entry, loaded through
// tsx's require hook.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FromWorker, InitMessage, StepMessage } from './workerProtocol';

type Pending = { resolve: (m: FromWorker) => void; reject: (e: Error) => void };

function spawnWorker(): Worker {
  const bundled = path.join(__dirname, 'gradientWorker.js');
  if (fs.existsSync(bundled)) return new Worker(bundled);
  const source = path.join(__dirname, '..', 'gradientWorkerMain.ts');
  // resolved here (an eval'd worker would resolve from the cwd); a non-literal id keeps bundlers away from tsx
  const tsx = (require.resolve as (id: string) => string)(['tsx', 'cjs'].join('/'));
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)});`, { eval: true });
}

class GradientWorker {
  private pending: Pending | undefined;
  private failure: Error | undefined;

  constructor(private readonly worker: Worker) {
    worker.on('message', (m: FromWorker) => this.settle((p) => (m.type === 'error' ? p.reject(new Error(`gradient worker: ${m.message}`)) : p.resolve(m))));
    worker.on('error', (err) => this.fail(err));
    worker.on('exit', (code) => this.fail(new Error(`gradient worker exited (code ${code})`)));
  }

  request(message: InitMessage | StepMessage, transfer: ArrayBuffer[] = []): Promise<FromWorker> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.pending) return Promise.reject(new Error('gradient worker is busy'));
    return new Promise<FromWorker>((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(message, transfer);
    });
  }

  terminate(): Promise<number> {
    this.failure ??= new Error('gradient worker closed');
    return this.worker.terminate();
  }

  private settle(f: (p: Pending) => void): void {
    const p = this.pending;
    this.pending = undefined;
    if (p) f(p);
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.settle((p) => p.reject(err));
  }
}

export class GradientWorkers {
  private constructor(private readonly workers: GradientWorker[]) {}

  get count(): number {
    return this.workers.length;
  }

  /** Starts `count` workers with the network and the training data; rejects if any cannot start. */
  static async start(count: number, init: InitMessage): Promise<GradientWorkers> {
    const pool = new GradientWorkers(Array.from({ length: count }, () => new GradientWorker(spawnWorker())));
    try {
      await Promise.all(pool.workers.map((w) => w.request(init)));
      return pool;
    } catch (err) {
      await pool.close();
      throw err;
    }
  }

  /** Worker `w` computes the loss and gradient of its shards with the given weights. */
  async gradients(w: number, step: Omit<StepMessage, 'type'>): Promise<{ losses: number[]; grads: Float32Array[] }> {
    const reply = await this.workers[w]!.request({ type: 'step', ...step });
    if (reply.type !== 'gradients' || reply.grads.length !== step.shards.length) throw new Error(`gradient worker: unexpected '${reply.type}' reply`);
    return reply;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
