// Access to tfjs-backend-wasm tensor memory from JavaScript, for the hand-written kernels that run as
// plain loops and copies over Float32Arrays viewing the wasm heap (./heapKernels.ts). An output must be allocated
// (makeOutput) BEFORE any view is taken: allocating can grow the wasm memory, which detaches the views.
import type * as tf from '../tf';

/** The part of tfjs-backend-wasm's BackendWasm these kernels use (4.22.0). */
export interface WasmBackendLike {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
  disposeData(dataId: tf.DataId): boolean;
}

export function asWasm(backend: unknown): WasmBackendLike {
  return backend as WasmBackendLike;
}

/** A float32 view of a tensor's data in the wasm heap (valid until the next allocation). */
export function f32(backend: WasmBackendLike, info: tf.TensorInfo): Float32Array {
  return backend.typedArrayFromHeap(info) as Float32Array;
}

export const sizeOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);
