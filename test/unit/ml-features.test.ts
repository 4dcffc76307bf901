// Model inputs: per-position channels from a dot-bracket and from base-pair probabilities, top-K partner
// lists, batch assembly with padding and mask, and the errors that name a record.
import * as assert from 'node:assert/strict';
import * as tf from '../../src/ml/tf';
import { initBackend } from '../../src/ml/backend/initBackend';
import { assembleBatch, encodeRecord, makeInputSpec } from '../../src/ml/features/batchEncoder';
import { featureNames, positionFeatures } from '../../src/ml/features/positionFeatures';
import { pairList } from '../../src/ml/features/structureInput';
import { topPartners } from '../../src/ml/features/topPartners';

const FULL = { structure: true, position: true };

function channel(features: Float32Array, names: string[], position: number, name: string): number {
  return features[position * names.length + names.indexOf(name)]!;
}

describe('ml: model inputs', () => {
  before(async () => {
    await initBackend({ prefer: 'wasm' });
  });

  it('per-position channels of a dot-bracket: base, paired, loop type, helix end, position', () => {
    const names = featureNames(FULL);
    //            0123456789012
    const seq = 'GGGAAAUCCCAAN';
    const db = '(((...)))....';
    const f = positionFeatures(seq, { kind: 'dotBracket', structure: db }, FULL);
    assert.equal(f.length, seq.length * names.length);
    assert.equal(channel(f, names, 0, 'G'), 1);
    assert.equal(channel(f, names, 12, 'A'), 0.25, 'N spreads over the four bases');
    assert.deepEqual([0, 3, 9].map((i) => channel(f, names, i, 'paired')), [1, 0, 0]);
    assert.equal(channel(f, names, 4, 'loop_H'), 1);
    assert.equal(channel(f, names, 10, 'loop_E'), 1);
    assert.deepEqual([0, 1, 2].map((i) => channel(f, names, i, 'helix_end')), [1, 0, 1]);
    assert.equal(channel(f, names, 0, 'dist5'), 0);
    assert.equal(channel(f, names, 12, 'dist3'), 0);
    assert.equal(channel(f, names, 12, 'relpos'), 1);
  });

  it('base-pair probabilities: P(paired) per position and loop types of the pairs with p > 0.5', () => {
    const names = featureNames(FULL);
    const pairs = [
      { i: 1, j: 9, p: 0.9 },
      { i: 2, j: 8, p: 0.7 },
      { i: 3, j: 7, p: 0.3 },
      { i: 3, j: 12, p: 0.2 },
    ];
    const f = positionFeatures('GGGAAAUCCCAAA', { kind: 'bpp', pairs }, FULL);
    assert.ok(Math.abs(channel(f, names, 0, 'paired') - 0.9) < 1e-6);
    assert.ok(Math.abs(channel(f, names, 2, 'paired') - 0.5) < 1e-6);
    assert.equal(channel(f, names, 4, 'loop_H'), 1, 'hairpin closed by (2, 8)');
  });

  it('top-K partner lists keep the K largest entries of every row', () => {
    // 1-based (1,5) .2, (1,6) .5, (1,7) .1, (2,6) .3 -> 0-based rows below
    const list = pairList({ kind: 'bpp', pairs: [{ i: 1, j: 5, p: 0.2 }, { i: 1, j: 6, p: 0.5 }, { i: 1, j: 7, p: 0.1 }, { i: 2, j: 6, p: 0.3 }] }, 8);
    const top = topPartners(list, 8, 2);
    const row = (i: number) =>
      [0, 1]
        .map((s) => [top.index[i * 2 + s]!, Math.round(top.weight[i * 2 + s]! * 10) / 10] as const)
        .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    assert.deepEqual(row(0), [[5, 0.5], [4, 0.2]], 'row 0: the two largest of three');
    assert.deepEqual(row(5), [[0, 0.5], [1, 0.3]]);
    assert.deepEqual(row(6), [[0, 0.1], [6, 0]], 'one partner, one empty slot pointing at itself');
    assert.deepEqual(row(7), [[7, 0], [7, 0]]);
  });

  it('batches are right-padded to the longest record with a 0/1 mask; seed-cnn pads to its fixed length', () => {
    const spec = makeInputSpec(['features', 'partners', 'partnerWeights', 'mask'], FULL, { partnersPerPosition: 1 });
    const records = [
      { sequence: 'GGGAAACCC', structure: '(((...)))' },
      { sequence: 'GGAAACC', structure: '((...))' },
    ];
    const encoded = records.map((r) => encodeRecord(r, spec));
    const batch = assembleBatch(encoded, [0, 1], spec);
    assert.deepEqual(batch['features']!.shape, [2, 9, featureNames(FULL).length]);
    assert.deepEqual(Array.from(batch['mask']!.dataSync()), [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0]);
    assert.deepEqual(Array.from(batch['partners']!.dataSync()).slice(9, 18), [6, 5, 2, 3, 4, 1, 0, 0, 0], 'padding: index 0 with weight 0');
    tf.dispose(Object.values(batch));
    const fixed = makeInputSpec(['features', 'pairs'], { structure: false, position: false }, { fixedLength: 12 });
    const dense = assembleBatch(records.map((r) => encodeRecord(r, fixed)), [1], fixed);
    assert.deepEqual(dense['pairs']!.shape, [1, 12, 12]);
    const p = dense['pairs']!.dataSync();
    assert.equal(p[0 * 12 + 6], 1);
    assert.equal(p[6 * 12 + 0], 1);
    tf.dispose(Object.values(dense));
    assert.throws(() => encodeRecord({ id: 'long', sequence: 'A'.repeat(13), structure: '.'.repeat(13) }, fixed), /record 'long' has 13 nt; this model takes at most 12/);
  });

  it('errors name the record: missing structure, wrong length, strand breaks', () => {
    const spec = makeInputSpec(['features', 'mask'], FULL);
    assert.throws(() => encodeRecord({ id: 'r1', sequence: 'ACGU' }, spec), /record 'r1' has no structure/);
    assert.throws(() => encodeRecord({ id: 'r2', sequence: 'ACGU', structure: '(..' }, spec), /record 'r2': structure length 3 differs from sequence length 4/);
    assert.throws(() => encodeRecord({ id: 'r3', sequence: 'ACGU', structure: '(&.)' }, spec), /record 'r3': .*strand breaks/);
    assert.throws(() => encodeRecord({ id: 'r4', sequence: 'ACGU', structure: '((..' }, spec), /record 'r4': invalid dot-bracket at position 1/);
  });
});
