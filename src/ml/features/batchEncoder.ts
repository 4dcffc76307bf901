// Records -> model inputs. Each record is encoded once (per-position channels + sparse pairs); batches
// are assembled from those, right-padded to the longest record of the batch (or to a model's fixed
// length) with a mask marking real positions:
//   features [B, L, F]   per-position channels (positionFeatures.ts)
//   pairs    [B, L, L]   pair matrix: 1 for given pairs or p_ij for probabilities, symmetric
//   partners [B, L, K]   the same matrix by rows: position j of each of the K largest entries of
//                        row i (int32) ...
//   partnerWeights [B, L, K]  ... and its value (0 where a row has fewer than K partners)
//   mask     [B, L]      1 on real positions, 0 on padding
import * as tf from '../tf';
import { featureNames, positionFeatures, type FeatureSet } from './positionFeatures';
import { pairList, structureOf, type PairList, type SequenceInput } from './structureInput';
import { topPartners, type PartnerList } from './topPartners';

export type InputName = 'features' | 'pairs' | 'partners' | 'partnerWeights' | 'mask';

/** What a model reads; stored in the model card. */
export interface InputSpec {
  inputs: InputName[];
  featureSet: FeatureSet;
  /** Channel names of `features`, in order. */
  featureNames: string[];
  /** Models with a fixed length (seed-cnn) pad every batch to it and reject longer records. */
  fixedLength?: number;
  /** K of the partners inputs: 1 for dot-bracket structures, more for base-pair probabilities. */
  partnersPerPosition?: number;
}

export interface EncodedRecord {
  length: number;
  features: Float32Array;
  pairs: PairList | undefined;
  /** Top-K partners per position ([L * K] indices and weights), when the model reads `partners`. */
  partners: PartnerList | undefined;
}

export function makeInputSpec(inputs: InputName[], featureSet: FeatureSet, extra: { fixedLength?: number; partnersPerPosition?: number } = {}): InputSpec {
  return { inputs, featureSet, featureNames: featureNames(featureSet), ...extra };
}

/** Encodes one record; throws an Error naming the record when it cannot be encoded. */
export function encodeRecord(record: SequenceInput, spec: InputSpec): EncodedRecord {
  const length = record.sequence.length;
  const where = record.id ? `record '${record.id}'` : 'a record';
  if (spec.fixedLength !== undefined && length > spec.fixedLength) {
    throw new Error(`${where} has ${length} nt; this model takes at most ${spec.fixedLength}`);
  }
  const structure = structureOf(record);
  const needsPairs = spec.inputs.includes('pairs') || spec.inputs.includes('partners');
  const needsStructure = spec.featureSet.structure || needsPairs;
  if (needsStructure && !structure) throw new Error(`${where} has no structure (needed by this model)`);
  try {
    const pairs = needsPairs && structure ? pairList(structure, length) : undefined;
    return {
      length,
      features: positionFeatures(record.sequence, structure, spec.featureSet),
      pairs,
      partners: pairs && spec.inputs.includes('partners') ? topPartners(pairs, length, spec.partnersPerPosition ?? 1) : undefined,
    };
  } catch (err) {
    throw new Error(`${where}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The inputs of the records at `indices`, as a name -> tensor map (caller disposes). */
export function assembleBatch(encoded: readonly EncodedRecord[], indices: ArrayLike<number>, spec: InputSpec): Record<string, tf.Tensor> {
  const count = indices.length;
  let length = spec.fixedLength ?? 0;
  if (spec.fixedLength === undefined) for (let k = 0; k < count; k++) length = Math.max(length, encoded[indices[k]!]!.length);
  const width = spec.featureNames.length;
  const out: Record<string, tf.Tensor> = {};
  for (const name of spec.inputs) {
    if (name === 'features') {
      const buf = new Float32Array(count * length * width);
      for (let k = 0; k < count; k++) buf.set(encoded[indices[k]!]!.features, k * length * width);
      out[name] = tf.tensor3d(buf, [count, length, width]);
    } else if (name === 'mask') {
      const buf = new Float32Array(count * length);
      for (let k = 0; k < count; k++) buf.fill(1, k * length, k * length + encoded[indices[k]!]!.length);
      out[name] = tf.tensor2d(buf, [count, length]);
    } else if (name === 'partners' || name === 'partnerWeights') {
      const k = spec.partnersPerPosition ?? 1;
      const buf = name === 'partners' ? new Int32Array(count * length * k) : new Float32Array(count * length * k);
      for (let r = 0; r < count; r++) {
        const partners = encoded[indices[r]!]!.partners;
        if (partners) buf.set(name === 'partners' ? partners.index : partners.weight, r * length * k);
      }
      out[name] = name === 'partners' ? tf.tensor3d(buf, [count, length, k], 'int32') : tf.tensor3d(buf, [count, length, k]);
    } else {
      const buf = new Float32Array(count * length * length);
      for (let k = 0; k < count; k++) {
        const pairs = encoded[indices[k]!]!.pairs;
        if (!pairs) continue;
        const base = k * length * length;
        for (let q = 0; q < pairs.i.length; q++) {
          const i = pairs.i[q]!;
          const j = pairs.j[q]!;
          buf[base + i * length + j] = pairs.p[q]!;
          buf[base + j * length + i] = pairs.p[q]!;
        }
      }
      out[name] = tf.tensor3d(buf, [count, length, length]);
    }
  }
  return out;
}

/** The batch's tensors in the order of the model's inputs (matched by input name). */
export function inOrder(model: { inputNames: string[] }, batch: Record<string, tf.Tensor>): tf.Tensor[] {
  return model.inputNames.map((name) => {
    const t = batch[name];
    if (!t) throw new Error(`model input '${name}' is not produced by the encoder`);
    return t;
  });
}
