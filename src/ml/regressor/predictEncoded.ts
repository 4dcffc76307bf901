// Batched inference over encoded records, in record order (model output units, i.e. standardised).
// Records are grouped by length so that short ones are not padded to the longest of the whole set.
import * as tf from '../tf';
import { Cancelled } from '../engine/cancelled';
import { yieldToEventLoop } from '../engine/yieldToEventLoop';
import { assembleBatch, inOrder, type EncodedRecord, type InputSpec } from '../features/batchEncoder';

/** [records * members] outputs, row r = record r's member outputs. */
export async function predictMembers(
  model: tf.LayersModel,
  records: readonly EncodedRecord[],
  spec: InputSpec,
  members: number,
  batchSize = 256,
  signal?: AbortSignal,
): Promise<Float32Array> {
  const out = new Float32Array(records.length * members);
  const order = Array.from(records.keys()).sort((a, b) => records[a]!.length - records[b]!.length);
  for (let start = 0; start < order.length; start += batchSize) {
    await yieldToEventLoop();
    if (signal?.aborted) throw new Cancelled('prediction');
    const idx = order.slice(start, start + batchSize);
    const x = assembleBatch(records, idx, spec);
    const y = model.predict(inOrder(model, x), { batchSize: idx.length }) as tf.Tensor; // one call, no re-slicing
    try {
      const values = await y.data();
      idx.forEach((r, k) => out.set(values.subarray(k * members, (k + 1) * members), r * members));
    } finally {
      tf.dispose([...Object.values(x), y]);
    }
  }
  return out;
}

/** One output per record for a single-output network. */
export function predictEncoded(model: tf.LayersModel, records: readonly EncodedRecord[], spec: InputSpec, batchSize = 256, signal?: AbortSignal): Promise<Float32Array> {
  return predictMembers(model, records, spec, 1, batchSize, signal);
}
