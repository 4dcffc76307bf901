// Opt-in: makes @tensorflow/tfjs-backend-wasm@4.22.0 use its threaded-SIMD build in Node.
//
// tfjs hard-codes WASM_HAS_MULTITHREAD_SUPPORT=false in Node (tfjs issue #3830). Forcing the flag is not
// enough: tfjs hands Emscripten the pthread worker script and the main script as Blobs / blob: URLs,
// which Node's worker_threads cannot load (ERR_WORKER_PATH). This shim writes both scripts to a temp
// directory and returns file paths instead, and defines in the worker the tslib helpers and module-level
// names the main script refers to. It relies on 4.22.0 internals (the version is pinned). Must run
// BEFORE tf.setBackend('wasm'); call the returned function once setBackend has resolved.
// On 2 vCPUs the gain is inconsistent (0.8x-1.3x), which is why threads are off by default.
import * as fs from 'node:fs';
import os from 'node:os';
import * as path from 'node:path';
import * as tf from '../tf';

let enabled = false;

function workerSuffix(mainPath: string): string {
  return `
;(function(){
  // Appended by Basepair (src/ml/backend/wasmThreads.ts): runs in each pthread worker.
  global.__values = function (o) {
    var s = typeof Symbol === 'function' && Symbol.iterator, m = s && o[s], i = 0;
    if (m) return m.call(o);
    if (o && typeof o.length === 'number') return { next: function () { if (o && i >= o.length) o = void 0; return { value: o && o[i++], done: !o }; } };
    throw new TypeError(s ? 'Object is not iterable.' : 'Symbol.iterator is not defined.');
  };
  global.__read = function (o, n) {
    var m = typeof Symbol === 'function' && o[Symbol.iterator];
    if (!m) return o;
    var i = m.call(o), r, ar = [], e;
    try { while ((n === void 0 || n-- > 0) && !(r = i.next()).done) ar.push(r.value); }
    catch (error) { e = { error: error }; }
    finally { try { if (r && !r.done && (m = i['return'])) m.call(i); } finally { if (e) throw e.error; } }
    return ar;
  };
  global.__spreadArray = function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
      if (ar || !(i in from)) { if (!ar) ar = Array.prototype.slice.call(from, 0, i); ar[i] = from[i]; }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
  };
  global.require$$0 = require('fs');
  global.require$$1 = require('path');
  global.require$$3 = require('perf_hooks');
  global.require$$4 = require('os');
  global.commonjsGlobal = globalThis;
  URL.createObjectURL = function () { return ${JSON.stringify(mainPath)}; };
  URL.revokeObjectURL = function () {};
})();
`;
}

/**
 * Forces the threaded wasm build on. `threads` is the XNNPACK pool size wanted: tfjs caps the pool at
 * os.cpus().length / 2 (it assumes SMT), so os.cpus() is made to report enough CPUs until the backend
 * is up. Returns a restore function (puts os.cpus back, deletes the temp scripts; the Blob and
 * URL.createObjectURL patches stay, workers started later need them).
 */
export function enableWasmThreadsInNode(threads: number, tmpDir: string = os.tmpdir()): () => void {
  if (enabled) return () => {};
  enabled = true;
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);

  fs.mkdirSync(tmpDir, { recursive: true });
  const dir = fs.mkdtempSync(path.join(tmpDir, 'basepair-wasm-mt-'));
  const mainPath = path.join(dir, 'tfjs-backend-wasm-threaded-simd.main.js');
  const workerPath = path.join(dir, 'tfjs-backend-wasm-threaded-simd.worker.js');
  const cleanup = (): void => {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
  };
  process.on('exit', cleanup);

  const OriginalBlob = globalThis.Blob;
  const texts = new WeakMap<object, string>();
  type BlobArgs = ConstructorParameters<typeof Blob>;
  class RecordingBlob extends OriginalBlob {
    constructor(parts: BlobArgs[0] = [], options?: BlobArgs[1]) {
      super(parts, options);
      if (Array.isArray(parts) && parts.length > 0 && parts.every((p) => typeof p === 'string')) {
        const text = parts.join('');
        texts.set(this, text);
        if (text.startsWith('var WasmBackendModuleThreadedSimd')) fs.writeFileSync(mainPath, text);
      }
    }
  }
  globalThis.Blob = RecordingBlob as typeof Blob;

  const originalCpus = os.cpus;
  const reported = Math.max(2 * threads, originalCpus.call(os).length);
  (os as { cpus: typeof os.cpus }).cpus = () => {
    const real = originalCpus.call(os);
    return Array.from({ length: reported }, (_, i) => real[i % real.length]!);
  };

  const originalCreate = URL.createObjectURL;
  URL.createObjectURL = (obj: Blob): string => {
    const text = texts.get(obj);
    if (text !== undefined && text.includes('nodeWorkerThreads')) {
      fs.writeFileSync(workerPath, text + workerSuffix(mainPath));
      return workerPath;
    }
    return originalCreate.call(URL, obj);
  };
  // Blob and URL.createObjectURL stay patched: Emscripten may start further pthread workers later.
  return () => {
    (os as { cpus: typeof os.cpus }).cpus = originalCpus;
    cleanup();
  };
}
