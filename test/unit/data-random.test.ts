// Seeded PRNG: xoshiro128** test vector, SplitMix32 seeding (values from an independent Python
// implementation), ranges, shuffles and distributions; everything replays from the seed.
import * as assert from 'node:assert/strict';
import { hashString, Random } from '../../src/core/random';

const draw = (r: Random, n: number) => Array.from({ length: n }, () => r.nextUint32());

describe('Random (xoshiro128**)', () => {
  it('matches the reference xoshiro128** output for state {1, 2, 3, 4}', () => {
    assert.deepEqual(draw(Random.fromState(1, 2, 3, 4), 6), [11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it('seeds through SplitMix32 (seed 42 as in the Python reference)', () => {
    assert.deepEqual(draw(new Random(42), 6), [2837322924, 544945897, 479756282, 3500138142, 339756180, 113173290]);
  });

  it('replays the same stream from the same seed and differs between seeds', () => {
    assert.deepEqual(draw(new Random(7), 20), draw(new Random(7), 20));
    assert.notDeepEqual(draw(new Random(7), 20), draw(new Random(8), 20));
    assert.deepEqual(draw(new Random('fold-1'), 5), draw(new Random(hashString('fold-1')), 5));
  });

  it('hashes strings with FNV-1a', () => {
    assert.equal(hashString(''), 0x811c9dc5);
    assert.equal(hashString('a'), 0xe40c292c);
  });

  it('uniform() lies in [0, 1) and has mean 1/2', () => {
    const r = new Random(1);
    let s = 0;
    for (let i = 0; i < 20000; i++) {
      const u = r.uniform();
      assert.ok(u >= 0 && u < 1);
      s += u;
    }
    assert.ok(Math.abs(s / 20000 - 0.5) < 0.01, `mean ${s / 20000}`);
  });

  it('int(lo, hi) stays in range and hits every value about equally', () => {
    const r = new Random(2);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60000; i++) {
      const k = r.int(-2, 4);
      assert.ok(Number.isInteger(k) && k >= -2 && k < 4);
      counts[k + 2]++;
    }
    for (const c of counts) assert.ok(Math.abs(c - 10000) < 400, `counts ${counts}`);
    assert.equal(r.int(5, 6), 5);
    assert.throws(() => r.int(3, 3), RangeError);
  });

  it('normal() has the requested mean and SD', () => {
    const r = new Random(3);
    const n = 40000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal(2, 3);
      s += z;
      s2 += z * z;
    }
    const mean = s / n;
    const sd = Math.sqrt(s2 / n - mean * mean);
    assert.ok(Math.abs(mean - 2) < 0.05, `mean ${mean}`);
    assert.ok(Math.abs(sd - 3) < 0.05, `sd ${sd}`);
  });

  it('shuffle() is a deterministic permutation (arrays and typed arrays)', () => {
    const a = new Random(4).shuffle([1, 2, 3, 4, 5, 6, 7, 8]);
    assert.deepEqual([...a].sort(), [1, 2, 3, 4, 5, 6, 7, 8]);
    assert.deepEqual(a, new Random(4).shuffle([1, 2, 3, 4, 5, 6, 7, 8]));
    assert.notDeepEqual(a, [1, 2, 3, 4, 5, 6, 7, 8]);
    const p = new Random(5).permutation(100);
    assert.deepEqual(Array.from(p).sort((x, y) => x - y), Array.from({ length: 100 }, (_, i) => i));
  });

  it('shuffle() makes every permutation of 3 items about equally likely', () => {
    const r = new Random(6);
    const counts = new Map<string, number>();
    for (let i = 0; i < 60000; i++) {
      const k = r.shuffle(['a', 'b', 'c']).join('');
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    assert.equal(counts.size, 6);
    for (const c of counts.values()) assert.ok(Math.abs(c - 10000) < 400, `${[...counts]}`);
  });

  it('choice() and weightedIndex() never pick what they cannot', () => {
    const r = new Random(9);
    for (let i = 0; i < 1000; i++) {
      assert.ok(['x', 'y'].includes(r.choice(['x', 'y'])));
      assert.notEqual(r.weightedIndex([1, 0, 3]), 1);
    }
    assert.throws(() => r.choice([]), RangeError);
    assert.throws(() => r.weightedIndex([0, 0]), RangeError);
  });

  it('fork() gives a reproducible independent stream', () => {
    const a = new Random(10);
    const b = new Random(10);
    assert.deepEqual(draw(a.fork(), 5), draw(b.fork(), 5));
    assert.deepEqual(draw(a, 3), draw(b, 3));
  });
});
