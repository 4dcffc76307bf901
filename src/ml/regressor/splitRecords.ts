// Which records train, validate and test: the data's own split column when every record has one, else a
// grouped split when every record has a group, else a seeded random split (core/datasets/splits). With
// k folds, train + valid are pooled and dealt into k folds (grouped when groups exist); member k
// validates on fold k and trains on the others. The test part never changes.
import { groupedKFold, groupedSplit, kFold, randomSplit, type SplitFractions, DEFAULT_FRACTIONS } from '../../core/datasets/splits';
import type { SplitName } from '../../core/datasets/splits';

export type SplitMethod = 'auto' | 'column' | 'random' | 'grouped';

export interface Splittable {
  split?: SplitName;
  group?: string;
}

export interface RecordSplit {
  /** The method actually used. */
  method: Exclude<SplitMethod, 'auto'>;
  train: Int32Array;
  valid: Int32Array;
  test: Int32Array;
}

export function splitRecords(records: readonly Splittable[], method: SplitMethod, seed: number, fractions: SplitFractions = DEFAULT_FRACTIONS): RecordSplit {
  const resolved: Exclude<SplitMethod, 'auto'> =
    method !== 'auto' ? method : records.every((r) => r.split !== undefined) ? 'column' : records.every((r) => r.group !== undefined) ? 'grouped' : 'random';
  if (resolved === 'column') {
    const parts: Record<SplitName, number[]> = { train: [], valid: [], test: [] };
    records.forEach((r, i) => {
      if (r.split === undefined) throw new Error(`record ${i + 1} has no split value (the split column is used)`);
      parts[r.split].push(i);
    });
    return { method: resolved, train: Int32Array.from(parts.train), valid: Int32Array.from(parts.valid), test: Int32Array.from(parts.test) };
  }
  if (resolved === 'grouped') {
    const keys = records.map((r, i) => {
      if (r.group === undefined) throw new Error(`record ${i + 1} has no group (grouped split)`);
      return r.group;
    });
    return { method: resolved, ...groupedSplit(keys, seed, fractions) };
  }
  return { method: resolved, ...randomSplit(records.length, seed, fractions) };
}

/** Member k's train and valid indices (into `records`) for k-fold training over train + valid. */
export function foldParts(records: readonly Splittable[], split: RecordSplit, folds: number, seed: number): { train: Int32Array; valid: Int32Array }[] {
  if (folds <= 1) return [{ train: split.train, valid: split.valid }];
  const pool = Int32Array.from([...split.train, ...split.valid]).sort();
  const grouped = pool.every((i) => records[i]!.group !== undefined) && split.method !== 'random';
  const fold = grouped ? groupedKFold(Array.from(pool, (i) => records[i]!.group!), folds, seed) : kFold(pool.length, folds, seed);
  return Array.from({ length: folds }, (_, k) => ({
    train: pool.filter((_, r) => fold[r] !== k),
    valid: pool.filter((_, r) => fold[r] === k),
  }));
}
