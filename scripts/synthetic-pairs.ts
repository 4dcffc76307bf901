// Writes a synthetic reverse-complement pair task as TSV (id, seq_a, seq_b, label): positives have B =
// reverse complement of A with <= k mismatches; negatives are random, shuffled or > k mismatches.
// Usage: npx tsx scripts/synthetic-pairs.ts [--length 26] [--k 2] [--n 2000] [--seed 1] [--rna] [--out FILE]
// (stdout without --out). examples/pairs/revcomp.tsv = --length 26 --k 2 --n 2000 --seed 1.
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { syntheticPairTsv } from '../src/core/synthetic/pairTaskTsv';

const { values } = parseArgs({
  options: {
    length: { type: 'string', default: '26' },
    k: { type: 'string', default: '2' },
    n: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    rna: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});
const num = (name: string, v: string, min: number) => {
  const x = Number(v);
  if (!Number.isInteger(x) || x < min) {
    process.stderr.write(`synthetic-pairs: --${name} must be a whole number >= ${min}, not '${v}'\n`);
    process.exit(2);
  }
  return x;
};
const length = num('length', values.length, 4);
const k = num('k', values.k, 0);
if (k >= length) {
  process.stderr.write(`synthetic-pairs: --k (${k}) must be below --length (${length})\n`);
  process.exit(2);
}
const tsv = syntheticPairTsv({ length, k, n: num('n', values.n, 2), seed: num('seed', values.seed, 0), alphabet: values.rna ? 'RNA' : 'DNA' });
if (values.out) fs.writeFileSync(values.out, tsv);
else process.stdout.write(tsv);
