// k-mer frequency vectors: counts per window, normalised by the number of windows, T = U,
// windows with ambiguity codes skipped; names in feature order.
import * as assert from 'node:assert/strict';
import { kmerFeatureCount, kmerFrequenciesInto, kmerNames } from '../../src/core/encoding/kmers';

const nonZero = (v: Float64Array) => {
  const names = kmerNames(3);
  const out: Record<string, number> = {};
  v.forEach((x, i) => {
    if (x !== 0) out[names[i]] = x;
  });
  return out;
};

describe('kmers', () => {
  it('has 4 + 16 + 64 features named in order', () => {
    assert.equal(kmerFeatureCount(3), 84);
    assert.equal(kmerFeatureCount(1), 4);
    const names = kmerNames(3);
    assert.equal(names.length, 84);
    assert.deepEqual(names.slice(0, 6), ['A', 'C', 'G', 'U', 'AA', 'AC']);
    assert.equal(names[19], 'UU');
    assert.equal(names[20], 'AAA');
    assert.equal(names[83], 'UUU');
    assert.equal(names[20 + 6], 'ACG');
  });

  it('counts ACGT (T = U) normalised by windows', () => {
    const v = new Float64Array(84);
    kmerFrequenciesInto('ACGT', v);
    assert.deepEqual(nonZero(v), { A: 0.25, C: 0.25, G: 0.25, U: 0.25, AC: 1 / 3, CG: 1 / 3, GU: 1 / 3, ACG: 0.5, CGU: 0.5 });
  });

  it('counts repeats and skips windows with N', () => {
    const v = new Float64Array(84);
    kmerFrequenciesInto('aaNaaa', v);
    // 1-mers: 5 A of 6 windows; 2-mers: AA x3 of 5 windows; 3-mers: AAA x1 of 4 windows.
    assert.deepEqual(nonZero(v), { A: 5 / 6, AA: 3 / 5, AAA: 1 / 4 });
  });

  it('writes at an offset, zeroes stale values, handles short sequences', () => {
    const v = new Float32Array(90).fill(7);
    kmerFrequenciesInto('GC', v, 3);
    assert.deepEqual(Array.from(v.subarray(0, 3)), [7, 7, 7]);
    assert.equal(v[3 + 2], 0.5);
    assert.equal(v[3 + 1], 0.5);
    assert.equal(v[3 + 4 + 9], 1); // GC = 2*4+1
    assert.ok(v.subarray(3 + 20, 3 + 84).every((x) => x === 0), 'no 3-mer window');
    assert.deepEqual(Array.from(v.subarray(87)), [7, 7, 7]);
  });
});
