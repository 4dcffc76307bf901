// Pair matrices from dot-bracket (pseudoknots included) and from sparse pair probabilities, and
// the per-position features derived from them, checked against hand-computed values.
import * as assert from 'node:assert/strict';
import {
  pairMatrixBatch, pairMatrixFromDotBracket, pairMatrixFromProbabilities, partnerIndex, positionFeaturesInto, POSITION_FEATURES,
} from '../../src/core/encoding/pairMatrix';

const ones = (m: Float32Array, size: number, offset = 0) => {
  const out: [number, number][] = [];
  for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) if (m[offset + i * size + j] !== 0) out.push([i, j]);
  return out;
};

describe('pairMatrix', () => {
  it('sets (i, j) and (j, i) for every pair, pseudoknot brackets included', () => {
    const s = '((..[[..))..]]';
    const m = new Float32Array(14 * 14).fill(5);
    assert.equal(pairMatrixFromDotBracket(s, m), 4);
    assert.deepEqual(ones(m, 14), [[0, 9], [1, 8], [4, 13], [5, 12], [8, 1], [9, 0], [12, 5], [13, 4]]);
    assert.ok([0, 9, 1, 8, 4, 13, 5, 12].every((_, k, a) => k % 2 === 1 || m[a[k] * 14 + a[k + 1]] === 1));
  });

  it('pads to a larger size and truncates pairs outside a smaller one', () => {
    const m = new Float32Array(1 + 5 * 5);
    pairMatrixFromDotBracket('(.)', m, 1, 5);
    assert.deepEqual(ones(m, 5, 1), [[0, 2], [2, 0]]);
    const t = new Float32Array(4);
    assert.equal(pairMatrixFromDotBracket('(..)', t, 0, 2), 0);
    assert.deepEqual(Array.from(t), [0, 0, 0, 0]);
  });

  it('fills symmetric probabilities from a 1-based sparse list', () => {
    const m = new Float32Array(16);
    pairMatrixFromProbabilities([{ i: 1, j: 4, p: 0.75 }, { i: 2, j: 3, p: 0.5 }, { i: 2, j: 9, p: 1 }, { i: 3, j: 3, p: 1 }], 4, m);
    assert.deepEqual(Array.from(m), [0, 0, 0, 0.75, 0, 0, 0.5, 0, 0, 0.5, 0, 0, 0.75, 0, 0, 0]);
    const z = new Float32Array(9);
    pairMatrixFromProbabilities([{ i: 0, j: 2, p: 0.25 }], 3, z, 0, 0);
    assert.deepEqual(Array.from(z), [0, 0, 0.25, 0, 0, 0, 0.25, 0, 0]);
  });

  it('derives per-position features (hand-computed)', () => {
    // Positions 0..3: P(0,3) = 0.75, P(1,2) = 0.5, P(0,2) = 0.25.
    const m = new Float32Array(16);
    pairMatrixFromProbabilities([{ i: 1, j: 4, p: 0.75 }, { i: 2, j: 3, p: 0.5 }, { i: 1, j: 3, p: 0.25 }], 4, m);
    const f = new Float32Array(5 * POSITION_FEATURES).fill(3);
    positionFeaturesInto(m, 4, 4, f, 0, 0, 5);
    const at = (i: number) => Array.from(f.subarray(i * 4, i * 4 + 4));
    // 0: paired 1.0, unpaired 0, distance (0.75*3 + 0.25*2)/4 = 0.6875, direction +1.
    assert.deepEqual(at(0), [1, 0, 0.6875, 1]);
    // 1: paired 0.5, distance 0.5*1/4 = 0.125, direction +0.5.
    assert.deepEqual(at(1), [0.5, 0.5, 0.125, 0.5]);
    // 2: paired 0.75 (0.5 from 1, 0.25 from 0), distance (0.5 + 0.5)/4 = 0.25, direction -0.75.
    assert.deepEqual(at(2), [0.75, 0.25, 0.25, -0.75]);
    assert.deepEqual(at(3), [0.75, 0.25, 0.5625, -0.75]);
    assert.deepEqual(at(4), [0, 0, 0, 0], 'padding rows are zero');
  });

  it('gives partners and batches', () => {
    assert.deepEqual(Array.from(partnerIndex('(.)[.]')), [2, -1, 0, 5, -1, 3]);
    const b = pairMatrixBatch(['()', '(.)']);
    assert.equal(b.size, 3);
    assert.deepEqual(ones(b.data, 3, 0), [[0, 1], [1, 0]]);
    assert.deepEqual(ones(b.data, 3, 9), [[0, 2], [2, 0]]);
  });
});
