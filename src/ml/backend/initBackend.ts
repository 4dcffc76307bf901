// Chooses and starts the TF.js backend for a job process, in this order:
//   1. tfjs-node ('tensorflow'): native libtensorflow, fastest; an optionalDependency whose install
//      downloads libtensorflow, so it is often absent — any failure to load it falls through;
//   2. wasm (tfjs-backend-wasm 4.22.0, SIMD) + our replacement gradient kernels (./trainingKernels);
//      threads off by default (opts.threads >= 2 forces the threaded build on, ./wasmThreads);
//   3. cpu (pure JS) + our fast Conv2DBackpropFilter loop.
// The result (name + why) goes to logs, the CLI's JSON and the model card.
import * as tf from '../tf';
import { registerTrainingKernels } from './trainingKernels';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findWasmDir, WASM_THREADED_FILE } from './wasmFiles';
import { enableWasmThreadsInNode } from './wasmThreads';

export type BackendName = 'tensorflow' | 'wasm' | 'cpu';
export type BackendPreference = 'auto' | BackendName;

export interface BackendOptions {
  /** 'auto' (default): tfjs-node, else wasm, else cpu. A named backend is tried first, then 'auto' order. */
  prefer?: BackendPreference;
  /** XNNPACK threads for wasm (default 1 = threads off; >= 2 uses the threaded build, experimental). */
  threads?: number;
  /** Directory holding the tfjs-backend-wasm .wasm files (default: see wasmFiles.ts). */
  wasmDir?: string;
  /** Scratch directory for the threaded build's worker scripts (default: os.tmpdir()). */
  tmpDir?: string;
}

export interface BackendInfo {
  /** The active TF.js backend. */
  name: BackendName;
  /** Why this backend: what was tried and why earlier choices were not taken. */
  reason: string;
  /** wasm only: SIMD build in use. */
  simd?: boolean;
  /** Compute threads (1 unless the wasm threaded build is on; tfjs-node manages its own). */
  threads: number;
  /** Kernels replaced by Basepair on this backend (see trainingKernels.ts). */
  replacedKernels: string[];
  /** @tensorflow/tfjs version. */
  tfjsVersion: string;
  /** Time to start the backend, ms. */
  initMs: number;
}

let current: { info: BackendInfo; key: string } | undefined;

function loadTfjsNode(): void {
  // Non-literal id: bundlers must not inline tfjs-node (native addon, optional). Shares the global
  // TF.js engine/kernel registry, so its 'tensorflow' backend becomes visible to our `tf`.
  const id = ['@tensorflow', 'tfjs-node'].join('/');
  (require as (m: string) => unknown)(id);
}

async function tryTensorflow(): Promise<string | undefined> {
  try {
    loadTfjsNode();
  } catch (err) {
    const code = (err as { code?: string }).code;
    return code === 'MODULE_NOT_FOUND' ? 'tfjs-node not installed' : `tfjs-node failed to load (${firstLine(err)})`;
  }
  try {
    if (!(await tf.setBackend('tensorflow'))) return 'tfjs-node loaded but its backend did not initialise';
    smokeTest();
    return undefined;
  } catch (err) {
    return `tfjs-node backend failed (${firstLine(err)})`;
  }
}

async function tryWasm(opts: BackendOptions): Promise<{ failure?: string; note?: string; threads: number }> {
  let threads = Math.max(1, Math.floor(opts.threads ?? 1));
  let note: string | undefined;
  try {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    if (tf.findBackend('wasm')) {
      // started earlier in this process (paths and threads are fixed from then on): switch back to it
      if (!(await tf.setBackend('wasm'))) return { failure: 'wasm backend did not initialise', threads: 1 };
      return { threads: wasm.getThreadsCount() };
    }
    const dir = findWasmDir(opts.wasmDir);
    wasm.setWasmPaths(dir);
    if (threads > 1 && !fs.existsSync(path.join(dir, WASM_THREADED_FILE))) {
      note = `${WASM_THREADED_FILE} not shipped, threads off`;
      threads = 1;
    }
    let restore = (): void => {};
    if (threads > 1) {
      restore = enableWasmThreadsInNode(threads, opts.tmpDir);
      wasm.setThreadsCount(threads);
    }
    registerTrainingKernels('wasm');
    let ok: boolean;
    try {
      ok = await tf.setBackend('wasm');
    } finally {
      restore();
    }
    if (!ok) return { failure: 'wasm backend did not initialise', threads: 1 };
    return { threads: wasm.getThreadsCount(), ...(note ? { note } : {}) };
  } catch (err) {
    return { failure: `wasm failed (${firstLine(err)})`, threads: 1 };
  }
}

/** A forward + gradient through a conv on the active backend: catches a tfjs-node that loads but whose
 *  TF.js copy does not interoperate with ours (e.g. a bundled tfjs next to node_modules' tfjs-node). */
function smokeTest(): void {
  tf.tidy(() => {
    const g = tf.grad((x: tf.Tensor) => tf.sum(tf.conv1d(x as tf.Tensor3D, tf.ones([3, 1, 2]) as tf.Tensor3D, 1, 'same')))(tf.ones([1, 4, 1]));
    if (!Number.isFinite(g.dataSync()[0]!)) throw new Error('smoke test gave a non-finite gradient');
  });
}

function firstLine(err: unknown): string {
  return String(err instanceof Error ? err.message : err).split('\n')[0]!.slice(0, 200);
}

/**
 * Starts the best available backend (idempotent for the same options; a different `prefer` switches).
 * Never throws for a missing tfjs-node or wasm: it falls back and says why in `reason`.
 */
export async function initBackend(opts: BackendOptions = {}): Promise<BackendInfo> {
  const key = JSON.stringify([opts.prefer ?? 'auto', opts.threads ?? 1]);
  if (current && current.key === key && tf.getBackend() === current.info.name) return current.info;
  tf.enableProdMode(); // no debug checks; tfjs' console.log/warn banners stay off stdout
  const started = performance.now();
  const prefer = opts.prefer ?? 'auto';
  const notes: string[] = [];
  let info: Omit<BackendInfo, 'initMs' | 'tfjsVersion'> | undefined;

  if (prefer === 'auto' || prefer === 'tensorflow') {
    const failure = await tryTensorflow();
    if (!failure) info = { name: 'tensorflow', reason: 'tfjs-node loaded (native libtensorflow)', threads: 0, replacedKernels: [] };
    else notes.push(failure);
  }
  if (!info && prefer !== 'cpu') {
    const wasm = await tryWasm(opts);
    if (!wasm.failure) {
      const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
      const why = notes.length ? `${notes.join('; ')}; ` : prefer === 'wasm' ? 'requested; ' : '';
      info = {
        name: 'wasm',
        reason: `${why}wasm ${simd ? 'SIMD' : 'no-SIMD'} build with replacement gradient kernels, ${wasm.threads} thread(s)${wasm.note ? ` (${wasm.note})` : ''}`,
        simd,
        threads: wasm.threads,
        replacedKernels: registerTrainingKernels('wasm'),
      };
    } else {
      notes.push(wasm.failure);
    }
  }
  if (!info) {
    const replaced = registerTrainingKernels('cpu');
    if (!(await tf.setBackend('cpu'))) throw new Error(`no TF.js backend could start (${notes.join('; ')})`);
    const why = notes.length ? `${notes.join('; ')}; ` : 'requested; ';
    info = { name: 'cpu', reason: `${why}pure-JS cpu backend (slow)`, threads: 1, replacedKernels: replaced };
  }
  await tf.ready();
  const result: BackendInfo = { ...info, tfjsVersion: tf.version.tfjs, initMs: Math.round(performance.now() - started) };
  current = { info: result, key };
  return result;
}

/** The backend started by initBackend, if any. */
export function currentBackend(): BackendInfo | undefined {
  return current?.info;
}
