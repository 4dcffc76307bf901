// Batched inference of a pair classifier: logits (and probabilities) for pairs in input order. Pairs are
// batched by length so that short ones are not padded to the longest of the whole set.
import * as tf from '../tf';
import { Cancelled } from '../engine/cancelled';
import { yieldToEventLoop } from '../engine/yieldToEventLoop';
import { lengthOrder, pairTensors, type SequencePair } from './batches';

export async function pairLogits(model: tf.LayersModel, pairs: readonly SequencePair[], batchSize = 512, signal?: AbortSignal): Promise<Float32Array> {
  const out = new Float32Array(pairs.length);
  const order = lengthOrder(pairs);
  for (let start = 0; start < order.length; start += batchSize) {
    await yieldToEventLoop();
    if (signal?.aborted) throw new Cancelled('scoring');
    const idx = order.slice(start, start + batchSize);
    const x = pairTensors(pairs, idx);
    const y = model.predict([x.a, x.b], { batchSize: idx.length }) as tf.Tensor;
    try {
      const values = await y.data();
      idx.forEach((r, k) => (out[r] = values[k]!));
    } finally {
      tf.dispose([x.a, x.b, y]);
    }
  }
  return out;
}

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** P(label 1) for every pair, in input order. */
export async function pairProbabilities(model: tf.LayersModel, pairs: readonly SequencePair[], batchSize = 512, signal?: AbortSignal): Promise<Float64Array> {
  const logits = await pairLogits(model, pairs, batchSize, signal);
  return Float64Array.from(logits, sigmoid);
}
