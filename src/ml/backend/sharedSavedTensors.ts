// Saved-for-gradient tensors without a kernel call (wasm backend; patches tfjs-core 4.22.0 internals).
//
// While recording gradients, the TF.js engine keeps every tensor a gradient will need by cloning it:
// engine.saveTensorsForBackwardMode -> engine.clone -> an Identity kernel call plus a tape node of its
// own (~150 per training step of the default model, each ~15-40 us of engine work; the Identity itself
// already shares the data, see trainingKernels.ts). Here the saved tensor is made directly as a new
// tensor on the same data (backend reference count + 1), the way the shared Identity does, without the
// dispatch and without the extra tape node (that node only matters for gradients of gradients, which
// Basepair never takes). Tensors are immutable and Variable.assign swaps the data id, so sharing is safe.
// Backends without incRef keep the stock behaviour.
import * as tf from '../tf';

interface EngineInternals {
  saveTensorsForBackwardMode(tensors: tf.Tensor[]): tf.Tensor[];
  keep<T extends tf.Tensor>(t: T): T;
  makeTensorFromTensorInfo(info: tf.TensorInfo, backend?: unknown): tf.Tensor;
  state: { tensorInfo: { get(dataId: unknown): { backend: { incRef?: (dataId: unknown) => void } } | undefined } };
}

let installed = false;

/** Installs the shared saved tensors on the global engine (idempotent). */
export function shareSavedTensors(): void {
  if (installed) return;
  installed = true;
  const engine = tf.engine() as unknown as EngineInternals;
  const stock = engine.saveTensorsForBackwardMode.bind(engine);
  engine.saveTensorsForBackwardMode = (tensors: tf.Tensor[]): tf.Tensor[] => {
    const backends = tensors.map((t) => engine.state.tensorInfo.get(t.dataId)?.backend);
    if (tensors.some((t, i) => t.dtype === 'string' || typeof backends[i]?.incRef !== 'function')) return stock(tensors);
    return tensors.map((t, i) => {
      backends[i]!.incRef!(t.dataId);
      return engine.keep(engine.makeTensorFromTensorInfo({ dataId: t.dataId, shape: t.shape, dtype: t.dtype }, backends[i]));
    });
  };
}
