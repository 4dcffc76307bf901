// Batches of sequence pairs as the pair networks' input tensors: A and B one-hot [n, length, 4], each
// zero-padded to the longest of the batch (5'->3'). Training and scoring build them per batch.
import * as tf from '../tf';
import { oneHotBatch } from './encoding';

export interface SequencePair {
  a: string;
  b: string;
}

export interface LabelledPair extends SequencePair {
  label: 0 | 1;
}

export interface PairTensors {
  a: tf.Tensor3D;
  b: tf.Tensor3D;
}

/** Tensors of the pairs at `idx` (all pairs when omitted). */
export function pairTensors(pairs: readonly SequencePair[], idx?: ArrayLike<number>): PairTensors {
  const rows = idx ? Array.from(idx, (i) => pairs[i]!) : pairs;
  const a = oneHotBatch(rows.map((p) => p.a));
  const b = oneHotBatch(rows.map((p) => p.b));
  return { a: tf.tensor3d(a.data, [rows.length, a.length, 4]), b: tf.tensor3d(b.data, [rows.length, b.length, 4]) };
}

/** Indices ordered by (length of A, length of B), so that batches of neighbours need little padding. */
export function lengthOrder(pairs: readonly SequencePair[]): number[] {
  return Array.from(pairs.keys()).sort((x, y) => pairs[x]!.a.length - pairs[y]!.a.length || pairs[x]!.b.length - pairs[y]!.b.length || x - y);
}
