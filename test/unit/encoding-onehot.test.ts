// One-hot encoding: A C G U order, T = U, IUPAC probability vectors, zeros for gaps and invalid
// characters, writing at an offset into a reused buffer (stale values overwritten), padding, masks.
import * as assert from 'node:assert/strict';
import { maskInto, maxLength, oneHotBatch, oneHotInto } from '../../src/core/encoding/oneHot';

const rows = (a: Float32Array, from: number, n: number) =>
  Array.from({ length: n }, (_, i) => Array.from(a.subarray(from + i * 4, from + i * 4 + 4)));

describe('oneHot', () => {
  it('encodes A C G U T and lower case', () => {
    const out = new Float32Array(24);
    assert.equal(oneHotInto('ACGUtA', out), 6);
    assert.deepEqual(rows(out, 0, 6), [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1], [0, 0, 0, 1], [1, 0, 0, 0]]);
  });

  it('encodes ambiguity codes as probability vectors, gaps and junk as zeros', () => {
    const out = new Float32Array(8 * 4);
    oneHotInto('NRYBk-X\u00e9', out);
    assert.deepEqual(rows(out, 0, 8), [
      [0.25, 0.25, 0.25, 0.25], [0.5, 0, 0.5, 0], [0, 0.5, 0, 0.5],
      [0, 1 / 3, 1 / 3, 1 / 3].map(Math.fround), [0, 0, 0.5, 0.5], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0],
    ]);
  });

  it('writes at an offset, pads with zeros and leaves the rest of the buffer alone', () => {
    const out = new Float32Array(4 + 4 * 4 + 4).fill(9);
    assert.equal(oneHotInto('GA', out, 4, 4), 2);
    assert.deepEqual(Array.from(out.subarray(0, 4)), [9, 9, 9, 9]);
    assert.deepEqual(rows(out, 4, 4), [[0, 0, 1, 0], [1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]);
    assert.deepEqual(Array.from(out.subarray(20)), [9, 9, 9, 9]);
  });

  it('truncates to the given length', () => {
    const out = new Float32Array(8);
    assert.equal(oneHotInto('CCCC', out, 0, 2), 2);
    assert.deepEqual(rows(out, 0, 2), [[0, 1, 0, 0], [0, 1, 0, 0]]);
  });

  it('writes masks', () => {
    const m = new Float32Array(6).fill(7);
    maskInto(2, m, 1, 4);
    assert.deepEqual(Array.from(m), [7, 1, 1, 0, 0, 7]);
  });

  it('encodes a padded batch and reuses buffers', () => {
    const b = oneHotBatch(['AC', 'GUA', '']);
    assert.equal(b.length, 3);
    assert.equal(maxLength(['AC', 'GUA', '']), 3);
    assert.deepEqual(Array.from(b.lengths), [2, 3, 0]);
    assert.deepEqual(Array.from(b.mask), [1, 1, 0, 1, 1, 1, 0, 0, 0]);
    assert.deepEqual(rows(b.data, 0, 3), [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 0]]);
    assert.deepEqual(rows(b.data, 12, 3), [[0, 0, 1, 0], [0, 0, 0, 1], [1, 0, 0, 0]]);
    assert.ok(b.data.subarray(24).every((x) => x === 0));
    const again = oneHotBatch(['U', 'A'], 3, b);
    assert.equal(again.data, b.data, 'buffer reused');
    assert.deepEqual(rows(again.data, 0, 3), [[0, 0, 0, 1], [0, 0, 0, 0], [0, 0, 0, 0]]);
    assert.deepEqual(Array.from(again.mask.subarray(0, 6)), [1, 0, 0, 1, 0, 0]);
  });
});
