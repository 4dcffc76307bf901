// The synthetic reverse-complement pair task as a data file: a TSV with the pair loader's header
// (id, seq_a, seq_b, label) from generatePairTask's records, for the CLI, scripts and examples.
import type { PairRecord } from '../datasets/pairs';
import { generatePairTask, type PairTaskOptions } from './pairTask';

export function pairTaskTsv(records: readonly Pick<PairRecord, 'id' | 'a' | 'b' | 'label'>[]): string {
  return ['id\tseq_a\tseq_b\tlabel', ...records.map((r) => `${r.id}\t${r.a}\t${r.b}\t${r.label}`)].join('\n') + '\n';
}

/** A synthetic task file: `n` pairs (half positive) of `length` nt with at most `k` mismatches. */
export function syntheticPairTsv(opts: { length: number; k: number; n: number; seed: number } & Pick<PairTaskOptions, 'alphabet' | 'negativeKinds'>): string {
  const positives = Math.floor(opts.n / 2);
  return pairTaskTsv(
    generatePairTask({
      length: opts.length,
      k: opts.k,
      positives,
      negatives: opts.n - positives,
      seed: opts.seed,
      ...(opts.alphabet ? { alphabet: opts.alphabet } : {}),
      ...(opts.negativeKinds ? { negativeKinds: opts.negativeKinds } : {}),
    }),
  );
}
