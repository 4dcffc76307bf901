// Train / validation / test assignment of dataset records, deterministic from a seed: from the
// data's own split column, random with fractions (default 0.8 / 0.1 / 0.1), or grouped by a key so
// that all rows of one group (one miRNA, one guide, one construct family) land in the same part;
// and k-fold assignment, plain or grouped. Parts are index arrays into the record list, ascending.
import { Random } from '../random';
import { DataError } from './errors';

export type SplitName = 'train' | 'valid' | 'test';

export interface SplitFractions {
  train: number;
  valid: number;
  test: number;
}

export const DEFAULT_FRACTIONS: SplitFractions = { train: 0.8, valid: 0.1, test: 0.1 };

/** Indices (ascending) of the records in each part. */
export interface SplitAssignment {
  train: Int32Array;
  valid: Int32Array;
  test: Int32Array;
}

/** Extra split labels of a data set mapped to parts, e.g. { mitar_indtest: 'test' }. */
export type SplitValueMap = Readonly<Record<string, SplitName>>;

const STANDARD: Record<string, SplitName> = {
  train: 'train', training: 'train',
  valid: 'valid', validation: 'valid', val: 'valid', dev: 'valid',
  test: 'test', testing: 'test',
};

/** The part named by a split cell (case-insensitive; `extra` first), or undefined when unknown. */
export function parseSplitName(text: string, extra: SplitValueMap = {}): SplitName | undefined {
  const t = text.trim();
  if (Object.prototype.hasOwnProperty.call(extra, t)) return extra[t];
  const lower = t.toLowerCase();
  for (const [k, v] of Object.entries(extra)) if (k.toLowerCase() === lower) return v;
  return Object.prototype.hasOwnProperty.call(STANDARD, lower) ? STANDARD[lower] : undefined;
}

export function unknownSplitReason(text: string, column: string): string {
  return `unknown ${column} value '${text.trim()}': expected train, valid (or validation) or test` +
    ' (map other labels with the split-value option, e.g. mitar_indtest=test, or ignore the column)';
}

/** What the split functions need of a record. */
export interface Splittable {
  line: number;
  split?: SplitName;
  group?: string;
}

/** Parts as given by each record's `split`; a record without one is an error naming its line. */
export function splitFromColumn(records: readonly Splittable[], file: string): SplitAssignment {
  const parts: Record<SplitName, number[]> = { train: [], valid: [], test: [] };
  records.forEach((r, i) => {
    if (r.split === undefined) throw new DataError(file, r.line, 'the split value is missing (every row needs train, valid or test when the split column is used)');
    parts[r.split].push(i);
  });
  return { train: Int32Array.from(parts.train), valid: Int32Array.from(parts.valid), test: Int32Array.from(parts.test) };
}

function checkFractions(f: SplitFractions): void {
  const ok = [f.train, f.valid, f.test].every((x) => Number.isFinite(x) && x >= 0);
  if (!ok || Math.abs(f.train + f.valid + f.test - 1) > 1e-9) {
    throw new RangeError(`split fractions must be >= 0 and sum to 1 (got ${f.train}/${f.valid}/${f.test})`);
  }
}

/** Row counts of the parts: round(n x fraction) for valid and test, at least 1 each when their
 *  fraction is > 0 and n >= 3; train gets the rest. */
export function partSizes(n: number, f: SplitFractions): { train: number; valid: number; test: number } {
  checkFractions(f);
  const atLeast = (x: number) => (x > 0 && n >= 3 ? Math.max(1, Math.round(n * x)) : Math.round(n * x));
  let test = atLeast(f.test);
  let valid = atLeast(f.valid);
  if (test + valid > n) {
    test = Math.min(test, n);
    valid = n - test;
  }
  return { train: n - test - valid, valid, test };
}

/** Random split of n records: a seeded permutation, the first rows to test, the next to valid. */
export function randomSplit(n: number, seed: number, fractions: SplitFractions = DEFAULT_FRACTIONS): SplitAssignment {
  const sizes = partSizes(n, fractions);
  const perm = new Random(seed).permutation(n);
  const test = perm.slice(0, sizes.test).sort();
  const valid = perm.slice(sizes.test, sizes.test + sizes.valid).sort();
  const train = perm.slice(sizes.test + sizes.valid).sort();
  return { train, valid, test };
}

/** Distinct keys in order of first appearance, and each record's key index. */
export function groupIndex(keys: readonly string[]): { names: string[]; of: Int32Array; sizes: number[] } {
  const ids = new Map<string, number>();
  const of = new Int32Array(keys.length);
  const sizes: number[] = [];
  keys.forEach((k, i) => {
    let g = ids.get(k);
    if (g === undefined) {
      g = ids.size;
      ids.set(k, g);
      sizes.push(0);
    }
    of[i] = g;
    sizes[g]++;
  });
  return { names: [...ids.keys()], of, sizes };
}

/**
 * Grouped split: groups are visited in a seeded random order and each goes to the part whose row
 * count is furthest below its target, relatively ((target - count) / target; ties: test, valid,
 * train). So with at least 3 groups every part with a fraction > 0 gets a group, and no group is
 * ever divided. Part sizes match the fractions only as well as the group sizes allow.
 */
export function groupedSplit(keys: readonly string[], seed: number, fractions: SplitFractions = DEFAULT_FRACTIONS): SplitAssignment {
  const n = keys.length;
  const target = partSizes(n, fractions);
  const { of, sizes } = groupIndex(keys);
  const order = new Random(seed).permutation(sizes.length);
  const names: SplitName[] = ['test', 'valid', 'train'];
  const count = { train: 0, valid: 0, test: 0 };
  const partOfGroup = new Int8Array(sizes.length);
  for (const g of order) {
    let best = -1;
    let bestDeficit = -Infinity;
    names.forEach((p, k) => {
      if (target[p] === 0) return;
      const deficit = (target[p] - count[p]) / target[p];
      if (deficit > bestDeficit) {
        bestDeficit = deficit;
        best = k;
      }
    });
    if (best < 0) best = 2;
    partOfGroup[g] = best;
    count[names[best]] += sizes[g];
  }
  const parts: number[][] = [[], [], []];
  for (let i = 0; i < n; i++) parts[partOfGroup[of[i]]].push(i);
  return { test: Int32Array.from(parts[0]), valid: Int32Array.from(parts[1]), train: Int32Array.from(parts[2]) };
}

/** Fold (0..k-1) of each record: a seeded permutation dealt round-robin, fold sizes differ by <= 1. */
export function kFold(n: number, k: number, seed: number): Int32Array {
  if (!(k >= 2 && k <= n)) throw new RangeError(`k-fold needs 2 <= k <= n (k = ${k}, n = ${n})`);
  const perm = new Random(seed).permutation(n);
  const fold = new Int32Array(n);
  for (let r = 0; r < n; r++) fold[perm[r]] = r % k;
  return fold;
}

/** Grouped k-fold: groups in seeded random order, then by size (largest first, stable), each to the
 *  fold with the fewest rows so far (lowest index on ties). No group spans two folds. */
export function groupedKFold(keys: readonly string[], k: number, seed: number): Int32Array {
  const { of, sizes } = groupIndex(keys);
  if (!(k >= 2 && k <= sizes.length)) throw new RangeError(`grouped k-fold needs 2 <= k <= number of groups (k = ${k}, groups = ${sizes.length})`);
  const order = Array.from(new Random(seed).permutation(sizes.length));
  order.sort((a, b) => sizes[b] - sizes[a]); // Array.prototype.sort is stable
  const rows = new Array<number>(k).fill(0);
  const foldOfGroup = new Int32Array(sizes.length);
  for (const g of order) {
    let best = 0;
    for (let f = 1; f < k; f++) if (rows[f] < rows[best]) best = f;
    foldOfGroup[g] = best;
    rows[best] += sizes[g];
  }
  const fold = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) fold[i] = foldOfGroup[of[i]];
  return fold;
}

/** Train and held-out indices of fold f from a fold vector. */
export function foldParts(fold: Int32Array, f: number): { train: Int32Array; held: Int32Array } {
  const train: number[] = [];
  const held: number[] = [];
  for (let i = 0; i < fold.length; i++) (fold[i] === f ? held : train).push(i);
  return { train: Int32Array.from(train), held: Int32Array.from(held) };
}

export type SplitMode = 'auto' | 'column' | 'random' | 'group';

export interface AssignSplitOptions<R> {
  /** auto (default): the split column when every record has a split, else grouped when a group key
   *  is available, else random. */
  mode?: SplitMode;
  seed?: number;
  fractions?: SplitFractions;
  /** Group key of a record (default: its `group`). */
  groupOf?: (record: R) => string | undefined;
  /** With the split column: when it has no validation rows, move this fraction of the training
   *  rows (grouped when a group key exists) to validation. Default 0.1; 0 keeps validation empty. */
  validFromTrain?: number;
  /** File name for error messages. */
  file?: string;
}

export interface SplitResult extends SplitAssignment {
  /** How the parts were made, in words (for logs and the model card). */
  method: string;
}

/** One entry point for the training engine: parts according to the options and the data. */
export function assignSplits<R extends Splittable>(records: readonly R[], options: AssignSplitOptions<R> = {}): SplitResult {
  const file = options.file ?? 'data';
  const seed = options.seed ?? 0;
  const fractions = options.fractions ?? DEFAULT_FRACTIONS;
  const groupOf = options.groupOf ?? ((r: R) => r.group);
  const keysOrUndefined = records.map(groupOf);
  const hasGroups = keysOrUndefined.some((k) => k !== undefined && k !== '');
  const keys = keysOrUndefined.map((k, i) => (k === undefined || k === '' ? `\u0000row${i}` : k));
  const anySplit = records.some((r) => r.split !== undefined);
  let mode = options.mode ?? 'auto';
  if (mode === 'auto') mode = anySplit ? 'column' : hasGroups ? 'group' : 'random';
  if (records.length === 0) throw new DataError(file, 1, 'no records to split');

  if (mode === 'column') {
    const parts = splitFromColumn(records, file);
    const carve = options.validFromTrain ?? 0.1;
    if (parts.valid.length > 0 || carve <= 0 || parts.train.length < 2) return { ...parts, method: 'split column' };
    const trainKeys = Array.from(parts.train, (i) => keys[i]);
    const f = { train: 1 - carve, valid: carve, test: 0 };
    const sub = hasGroups ? groupedSplit(trainKeys, seed, f) : randomSplit(parts.train.length, seed, f);
    return {
      train: sub.train.map((k) => parts.train[k]),
      valid: sub.valid.map((k) => parts.train[k]),
      test: parts.test,
      method: `split column; validation = ${hasGroups ? 'grouped ' : ''}${Math.round(carve * 100)}% of train (seed ${seed})`,
    };
  }
  if (mode === 'group') {
    if (!hasGroups) throw new DataError(file, records[0].line, 'a grouped split needs a group column');
    return { ...groupedSplit(keys, seed, fractions), method: `grouped random ${fmt(fractions)} (seed ${seed})` };
  }
  return { ...randomSplit(records.length, seed, fractions), method: `random ${fmt(fractions)} (seed ${seed})` };
}

function fmt(f: SplitFractions): string {
  return `${f.train}/${f.valid}/${f.test}`;
}
