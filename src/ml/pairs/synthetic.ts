// The synthetic reverse-complement task as a training source: a spec string (`length=26,k=2,n=6000,
// seed=1`, the CLI's --synthetic), the records it gives (core/synthetic/pairTask: positives = B is the
// reverse complement of A with <= k mismatches, negatives = random / shuffled / > k mismatches, half
// each), and the exact rule saved in the model card so that generation reports can check it.
import { generatePairTask, isValidPair } from '../../core/synthetic/pairTask';
import type { PairRecord } from '../../core/datasets/pairs';

export interface SyntheticRule {
  rule: 'reverse-complement';
  /** Allowed mismatches of positives. */
  k: number;
  length: number;
}

export interface SyntheticSpec extends SyntheticRule {
  /** Total pairs (half positive). */
  n: number;
  seed: number;
}

const KEYS = ['length', 'k', 'n', 'seed'] as const;

/** Parses `length=26,k=2,n=6000[,seed=1]` (every key optional). Throws a RangeError naming the bad part. */
export function parseSyntheticSpec(text: string): SyntheticSpec {
  const spec: SyntheticSpec = { rule: 'reverse-complement', length: 26, k: 0, n: 6000, seed: 1 };
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [key, value] = part.split('=').map((s) => s.trim());
    if (!KEYS.includes(key as (typeof KEYS)[number]) || value === undefined) throw new RangeError(`synthetic: '${part}' is not one of ${KEYS.map((k) => `${k}=N`).join(', ')}`);
    const v = Number(value);
    const min = key === 'k' || key === 'seed' ? 0 : key === 'length' ? 4 : 20;
    if (!Number.isInteger(v) || v < min) throw new RangeError(`synthetic: ${key} must be a whole number >= ${min}, not '${value}'`);
    spec[key as (typeof KEYS)[number]] = v;
  }
  if (spec.k >= spec.length) throw new RangeError(`synthetic: k (${spec.k}) must be below length (${spec.length})`);
  return spec;
}

export function syntheticRecords(spec: SyntheticSpec): PairRecord[] {
  const positives = Math.floor(spec.n / 2);
  return generatePairTask({ length: spec.length, k: spec.k, positives, negatives: spec.n - positives, seed: spec.seed });
}

export function ruleName(rule: SyntheticRule): string {
  return `B = reverse complement of A with <= ${rule.k} mismatches`;
}

export function ruleTest(rule: SyntheticRule): (a: string, b: string) => boolean {
  return (a, b) => isValidPair(a, b, rule.k);
}
