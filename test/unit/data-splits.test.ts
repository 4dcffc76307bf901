// Train / validation / test assignment: split column, random and grouped splits with fractions,
// k-fold and grouped k-fold; all deterministic from the seed, parts disjoint and complete, groups
// never divided.
import * as assert from 'node:assert/strict';
import { DataError } from '../../src/core/datasets/errors';
import {
  assignSplits, foldParts, groupedKFold, groupedSplit, kFold, parseSplitName, partSizes, randomSplit, splitFromColumn,
  type SplitAssignment,
} from '../../src/core/datasets/splits';

function assertPartition(s: SplitAssignment, n: number): void {
  const all = [...s.train, ...s.valid, ...s.test].sort((a, b) => a - b);
  assert.deepEqual(all, Array.from({ length: n }, (_, i) => i));
  for (const part of [s.train, s.valid, s.test]) for (let i = 1; i < part.length; i++) assert.ok(part[i] > part[i - 1]);
}

const keysOf = (n: number, size: (g: number) => number) => {
  const keys: string[] = [];
  for (let g = 0; keys.length < n; g++) for (let k = 0; k < size(g) && keys.length < n; k++) keys.push(`g${g}`);
  return keys;
};

describe('splits', () => {
  it('parses split names case-insensitively, with extra labels', () => {
    assert.equal(parseSplitName('TRAIN'), 'train');
    assert.equal(parseSplitName(' Validation '), 'valid');
    assert.equal(parseSplitName('val'), 'valid');
    assert.equal(parseSplitName('test'), 'test');
    assert.equal(parseSplitName('holdout'), undefined);
    assert.equal(parseSplitName('mitar_IndTest', { mitar_indtest: 'test' }), 'test');
    assert.equal(parseSplitName('constructor'), undefined);
  });

  it('computes part sizes: rounded, at least one row for valid and test', () => {
    assert.deepEqual(partSizes(100, { train: 0.8, valid: 0.1, test: 0.1 }), { train: 80, valid: 10, test: 10 });
    assert.deepEqual(partSizes(3, { train: 0.8, valid: 0.1, test: 0.1 }), { train: 1, valid: 1, test: 1 });
    assert.deepEqual(partSizes(2, { train: 0.8, valid: 0.1, test: 0.1 }), { train: 2, valid: 0, test: 0 });
    assert.deepEqual(partSizes(10, { train: 0.7, valid: 0, test: 0.3 }), { train: 7, valid: 0, test: 3 });
    assert.throws(() => partSizes(10, { train: 0.5, valid: 0.1, test: 0.1 }), RangeError);
  });

  it('takes parts from the split column and names a row without one', () => {
    const recs = [{ line: 2, split: 'test' as const }, { line: 3, split: 'train' as const }, { line: 4, split: 'valid' as const }, { line: 5, split: 'train' as const }];
    const s = splitFromColumn(recs, 'f.tsv');
    assert.deepEqual([Array.from(s.train), Array.from(s.valid), Array.from(s.test)], [[1, 3], [2], [0]]);
    assert.throws(() => splitFromColumn([{ line: 2, split: 'train' }, { line: 7 }], 'f.tsv'),
      (e: unknown) => e instanceof DataError && e.message.startsWith('f.tsv:7: the split value is missing'));
  });

  it('splits randomly with the requested sizes, deterministically from the seed', () => {
    const a = randomSplit(1000, 1);
    assertPartition(a, 1000);
    assert.deepEqual([a.train.length, a.valid.length, a.test.length], [800, 100, 100]);
    assert.deepEqual(a, randomSplit(1000, 1));
    assert.notDeepEqual(a.test, randomSplit(1000, 2).test);
    const b = randomSplit(10, 3, { train: 0.6, valid: 0.2, test: 0.2 });
    assert.deepEqual([b.train.length, b.valid.length, b.test.length], [6, 2, 2]);
  });

  it('keeps every group in one part and gets close to the fractions', () => {
    const keys = keysOf(1000, (g) => 1 + (g % 7)); // groups of 1..7 rows
    const s = groupedSplit(keys, 5);
    assertPartition(s, 1000);
    const partOf = new Map<string, string>();
    for (const [name, idx] of Object.entries(s)) {
      for (const i of idx as Int32Array) {
        const prev = partOf.get(keys[i]);
        assert.ok(prev === undefined || prev === name, `group ${keys[i]} in ${prev} and ${name}`);
        partOf.set(keys[i], name);
      }
    }
    assert.ok(Math.abs(s.test.length - 100) <= 7 && Math.abs(s.valid.length - 100) <= 7, `${s.valid.length} ${s.test.length}`);
    assert.deepEqual(s, groupedSplit(keys, 5));
  });

  it('gives each part a group when there are only three groups', () => {
    const s = groupedSplit(['a', 'a', 'a', 'a', 'b', 'c'], 0);
    assert.ok(s.train.length > 0 && s.valid.length > 0 && s.test.length > 0);
  });

  it('deals k folds of near-equal size', () => {
    const f = kFold(10, 3, 4);
    const sizes = [0, 0, 0];
    for (const x of f) sizes[x]++;
    assert.deepEqual(sizes.sort(), [3, 3, 4]);
    assert.deepEqual(f, kFold(10, 3, 4));
    const { train, held } = foldParts(f, 0);
    assert.equal(train.length + held.length, 10);
    assert.ok(held.every((i) => f[i] === 0));
    assert.throws(() => kFold(3, 5, 0), RangeError);
  });

  it('grouped k-fold balances rows without dividing a group', () => {
    const keys = keysOf(200, (g) => 1 + (g % 5));
    const f = groupedKFold(keys, 5, 9);
    const foldOf = new Map<string, number>();
    const sizes = [0, 0, 0, 0, 0];
    keys.forEach((k, i) => {
      assert.ok(!foldOf.has(k) || foldOf.get(k) === f[i]);
      foldOf.set(k, f[i]);
      sizes[f[i]]++;
    });
    assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 5, `${sizes}`);
    assert.throws(() => groupedKFold(['a', 'a', 'b'], 3, 0), RangeError);
  });

  it('assignSplits: split column, then grouped, then random', () => {
    const withSplit = [{ line: 2, split: 'train' as const }, { line: 3, split: 'test' as const }, { line: 4, split: 'valid' as const }];
    assert.equal(assignSplits(withSplit).method, 'split column');
    const grouped = Array.from({ length: 30 }, (_, i) => ({ line: i + 2, group: `g${i % 6}` }));
    const g = assignSplits(grouped, { seed: 1 });
    assert.equal(g.method, 'grouped random 0.8/0.1/0.1 (seed 1)');
    assertPartition(g, 30);
    const r = assignSplits(Array.from({ length: 30 }, (_, i) => ({ line: i + 2 })), { seed: 1 });
    assert.equal(r.method, 'random 0.8/0.1/0.1 (seed 1)');
    assert.deepEqual([r.train.length, r.valid.length, r.test.length], [24, 3, 3]);
    assert.throws(() => assignSplits([{ line: 2 }], { mode: 'group', file: 'x.tsv' }), /x\.tsv:2: a grouped split needs a group column/);
  });

  it('assignSplits: carves validation from train when the split column has none (grouped by a key)', () => {
    const recs = Array.from({ length: 100 }, (_, i) => ({ line: i + 2, split: (i < 20 ? 'test' : 'train') as 'test' | 'train', a: `mir${i % 10}` }));
    const s = assignSplits(recs, { seed: 3, groupOf: (r) => r.a });
    assertPartition(s, 100);
    assert.deepEqual(Array.from(s.test), Array.from({ length: 20 }, (_, i) => i));
    assert.equal(s.train.length + s.valid.length, 80);
    assert.ok(s.valid.length >= 8, `${s.valid.length}`);
    const validKeys = new Set(Array.from(s.valid, (i) => recs[i].a));
    for (const i of s.train) assert.ok(!validKeys.has(recs[i].a));
    assert.equal(s.method, 'split column; validation = grouped 10% of train (seed 3)');
    const none = assignSplits(recs, { validFromTrain: 0 });
    assert.equal(none.valid.length, 0);
  });
});
