// Synthetic pair task of issue 5 with its exact rule. Positive: B is the reverse complement of A
// with at most k mismatches (substitutions). Negatives, in given proportions: a random B, a
// shuffled B (the letters of a positive's B in random order: same composition), or the reverse
// complement with k+1 .. k+3 mismatches (hard negatives). Every negative is checked against the
// rule and redrawn if it happens to satisfy it. Deterministic from the seed.
import type { PairRecord } from '../datasets/pairs';
import { pairsWith, reverseComplement } from '../baselines/complement';
import { Random } from '../random';

export type NegativeKind = 'random' | 'shuffled' | 'mismatched';

export interface PairTaskOptions {
  /** Length of A and B, or [min, max] inclusive (default 26). */
  length?: number | [number, number];
  /** Allowed mismatches of positives (default 0). */
  k?: number;
  positives: number;
  negatives: number;
  seed: number;
  /** Weights of the negative kinds (default 1 / 1 / 1). */
  negativeKinds?: Partial<Record<NegativeKind, number>>;
  /** Output alphabet (default 'DNA', as the seed user's data). */
  alphabet?: 'DNA' | 'RNA';
}

/** Number of positions where B[L-1-i] does not pair (Watson-Crick) with A[i]; Infinity if lengths differ. */
export function complementMismatches(a: string, b: string): number {
  if (a.length !== b.length) return Infinity;
  const n = a.length;
  let mm = 0;
  for (let i = 0; i < n; i++) if (!pairsWith(a.charCodeAt(i), b.charCodeAt(n - 1 - i))) mm++;
  return mm;
}

/** The exact rule: same length and B = reverse complement of A with at most k mismatches (Watson-Crick only; case and T/U ignored). */
export function isValidPair(a: string, b: string, k: number): boolean {
  return a.length > 0 && complementMismatches(a, b) <= k;
}

const BASES = 'ACGT';

function randomSeq(rng: Random, n: number, dna: boolean): string {
  let s = '';
  for (let i = 0; i < n; i++) s += rng.choice(dna ? BASES : 'ACGU');
  return s;
}

/** Substitutes `m` distinct random positions with a different base. */
function mutate(rng: Random, seq: string, m: number, dna: boolean): string {
  const chars = seq.split('');
  const positions = rng.permutation(seq.length).slice(0, Math.min(m, seq.length));
  const alphabet = dna ? BASES : 'ACGU';
  for (const p of positions) {
    const others = alphabet.replace(chars[p], '');
    chars[p] = rng.choice(others);
  }
  return chars.join('');
}

export function generatePairTask(options: PairTaskOptions): PairRecord[] {
  const rng = new Random(options.seed);
  const k = options.k ?? 0;
  const dna = (options.alphabet ?? 'DNA') === 'DNA';
  const alphabet = dna ? 'DNA' : 'RNA';
  const lengthRange = options.length ?? 26;
  const drawLength = () => (typeof lengthRange === 'number' ? lengthRange : rng.int(lengthRange[0], lengthRange[1] + 1));
  const weights = { random: 1, shuffled: 1, mismatched: 1, ...options.negativeKinds };
  const kinds: NegativeKind[] = ['random', 'shuffled', 'mismatched'];
  const kindWeights = kinds.map((x) => weights[x]);

  const positive = (): [string, string] => {
    const n = drawLength();
    const a = randomSeq(rng, n, dna);
    const b = mutate(rng, reverseComplement(a, alphabet), rng.int(0, Math.min(k, n) + 1), dna);
    return [a, b];
  };
  const negative = (): [string, string] => {
    for (let attempt = 0; ; attempt++) {
      const n = drawLength();
      const a = randomSeq(rng, n, dna);
      const kind = kinds[rng.weightedIndex(kindWeights)];
      let b: string;
      if (kind === 'random') b = randomSeq(rng, n, dna);
      else if (kind === 'shuffled') b = rng.shuffle(reverseComplement(a, alphabet).split('')).join('');
      else b = mutate(rng, reverseComplement(a, alphabet), Math.min(n, k + 1 + rng.int(0, 3)), dna);
      if (!isValidPair(a, b, k)) return [a, b];
      if (attempt > 1000) throw new RangeError(`cannot draw negatives for length ${n} and k = ${k}`);
    }
  };

  const labels: (0 | 1)[] = [];
  for (let i = 0; i < options.positives; i++) labels.push(1);
  for (let i = 0; i < options.negatives; i++) labels.push(0);
  rng.shuffle(labels);
  return labels.map((label, i) => {
    const [a, b] = label === 1 ? positive() : negative();
    return { id: `p${i + 1}`, a, b, label, line: i + 1 };
  });
}
