// Numeric workspace of one folding computation: allocation of the arrays that the O(n^3) inner
// products touch, and those products (min-plus over int32, dot and axpy over float64). Two
// back-ends with identical results: plain TypeScript loops (vectorOps.ts), and WebAssembly SIMD
// kernels (wasm/kernels.as.ts, AssemblyScript) working on arrays placed in a WebAssembly memory
// (one reused memory for moderate sizes, a dedicated one, freed with the computation, for large
// ones). The WebAssembly back-end is used when available unless setKernelBackend('js') is called;
// results are the same up to float rounding order.

import * as vec from './vectorOps';
import { KERNELS_WASM_BASE64 } from './wasm/kernelsBinary';

export type KernelBackend = 'auto' | 'wasm' | 'js';

export interface Workspace {
  readonly backend: 'wasm' | 'js';
  i32(length: number): Int32Array;
  f64(length: number): Float64Array;
  /** min_{k<len} a[ao+k] + b[bo+k], or init if smaller */
  minPlus(a: Int32Array, ao: number, b: Int32Array, bo: number, len: number, init: number): number;
  /** sum_{k<len} a[ao+k] * b[bo+k] */
  dot(a: Float64Array, ao: number, b: Float64Array, bo: number, len: number): number;
  /** y[yo+k] += alpha * x[xo+k] */
  axpy(y: Float64Array, yo: number, alpha: number, x: Float64Array, xo: number, len: number): void;
  /** the arrays of this workspace are no longer used (its memory may be reused) */
  release(): void;
}

let backend: KernelBackend = 'auto';
let wasmModule: WebAssembly.Module | null | undefined;

/** Chooses the kernel back-end for subsequent computations ('auto' = WebAssembly when possible). */
export function setKernelBackend(b: KernelBackend): void {
  backend = b;
}

export function kernelBackend(): KernelBackend {
  return backend;
}

/** Below this many bytes of kernel arrays the JS loops are used (instantiation is not worth it). */
const WASM_MIN_BYTES = 64 * 1024;
const PAGE = 65536;
const MAX_PAGES = 65536;

class JsWorkspace implements Workspace {
  readonly backend = 'js' as const;
  i32(length: number): Int32Array {
    return new Int32Array(length);
  }
  f64(length: number): Float64Array {
    return new Float64Array(length);
  }
  minPlus(a: Int32Array, ao: number, b: Int32Array, bo: number, len: number, init: number): number {
    return vec.minPlus(a, ao, b, bo, len, init);
  }
  dot(a: Float64Array, ao: number, b: Float64Array, bo: number, len: number): number {
    return vec.dot(a, ao, b, bo, len);
  }
  axpy(y: Float64Array, yo: number, alpha: number, x: Float64Array, xo: number, len: number): void {
    vec.axpy(y, yo, alpha, x, xo, len);
  }
  release(): void {}
}

interface KernelExports {
  minPlusI32(a: number, b: number, len: number, init: number): number;
  dotF64(a: number, b: number, len: number): number;
  axpyF64(y: number, alpha: number, x: number, len: number): void;
}

interface WasmInstance {
  memory: WebAssembly.Memory;
  k: KernelExports;
  inUse: boolean;
}

/** One reusable instance for moderate sizes (creating WebAssembly memories is not free). */
let shared: WasmInstance | undefined;
const SHARED_MAX_BYTES = 16 * 1024 * 1024;

class WasmWorkspace implements Workspace {
  readonly backend = 'wasm' as const;
  private next = 0;
  private readonly memory: WebAssembly.Memory;
  private readonly k: KernelExports;
  constructor(
    private readonly inst: WasmInstance,
    private readonly capacity: number,
  ) {
    this.memory = inst.memory;
    this.k = inst.k;
  }
  release(): void {
    this.inst.inUse = false;
  }
  private take(bytes: number): number {
    const at = this.next;
    this.next += (bytes + 15) & ~15;
    if (this.next > this.capacity) throw new Error('folding workspace exhausted');
    return at;
  }
  i32(length: number): Int32Array {
    return new Int32Array(this.memory.buffer, this.take(length * 4), length);
  }
  f64(length: number): Float64Array {
    return new Float64Array(this.memory.buffer, this.take(length * 8), length);
  }
  minPlus(a: Int32Array, ao: number, b: Int32Array, bo: number, len: number, init: number): number {
    if (len <= 0) return init;
    return this.k.minPlusI32(a.byteOffset + ao * 4, b.byteOffset + bo * 4, len, init);
  }
  dot(a: Float64Array, ao: number, b: Float64Array, bo: number, len: number): number {
    if (len <= 0) return 0;
    return this.k.dotF64(a.byteOffset + ao * 8, b.byteOffset + bo * 8, len);
  }
  axpy(y: Float64Array, yo: number, alpha: number, x: Float64Array, xo: number, len: number): void {
    if (len > 0) this.k.axpyF64(y.byteOffset + yo * 8, alpha, x.byteOffset + xo * 8, len);
  }
}

function compiledModule(): WebAssembly.Module | null {
  if (wasmModule === undefined) {
    try {
      const bytes = Uint8Array.from(atob(KERNELS_WASM_BASE64), (c) => c.charCodeAt(0));
      wasmModule = new WebAssembly.Module(bytes);
    } catch {
      wasmModule = null; // no WebAssembly (or no SIMD): the JS loops are used
    }
  }
  return wasmModule;
}

/** Size in bytes of the i32/f64 arrays a workspace must hold (each rounded up for alignment). */
export function workspaceBytes(i32Lengths: number[], f64Lengths: number[]): number {
  let b = 0;
  for (const l of i32Lengths) b += (l * 4 + 15) & ~15;
  for (const l of f64Lengths) b += (l * 8 + 15) & ~15;
  return b;
}

/** A workspace able to hold `bytes` of kernel arrays (see workspaceBytes). */
export function createWorkspace(bytes: number): Workspace {
  if (backend === 'js' || (backend === 'auto' && bytes < WASM_MIN_BYTES)) return new JsWorkspace();
  const mod = compiledModule();
  const pages = Math.ceil((bytes + PAGE) / PAGE);
  if (!mod || pages > MAX_PAGES) {
    if (backend === 'wasm') throw new Error('WebAssembly kernels unavailable');
    return new JsWorkspace();
  }
  const instantiate = (initial: number): WasmInstance => {
    const memory = new WebAssembly.Memory({ initial, maximum: MAX_PAGES });
    const instance = new WebAssembly.Instance(mod, { env: { memory, abort: () => undefined } });
    return { memory, k: instance.exports as unknown as KernelExports, inUse: false };
  };
  let inst: WasmInstance;
  if (pages * PAGE > SHARED_MAX_BYTES) {
    inst = instantiate(pages); // one-off: released with the computation
  } else {
    if (!shared || shared.inUse) shared = instantiate(pages);
    const have = shared.memory.buffer.byteLength / PAGE;
    if (have < pages) shared.memory.grow(pages - have); // views of earlier (released) workspaces detach
    inst = shared;
    // a reused memory holds old values: the callers initialise what they read (fill or assignment)
    new Uint8Array(inst.memory.buffer, 0, Math.min(bytes + 64, pages * PAGE)).fill(0);
  }
  inst.inUse = true;
  return new WasmWorkspace(inst, pages * PAGE);
}
