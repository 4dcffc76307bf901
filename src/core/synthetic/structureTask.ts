// Synthetic regression task whose target depends only on structure, to show that a model uses the
// structure input (issue 4, "structure matters"). Each sequence is built from hairpin elements
// (random canonical stem + loop + the complementary stem, so the dot-bracket is known without
// folding) joined by random linkers. Some elements are decoys: built exactly like hairpins but
// marked unpaired in the structure, so the sequence alone cannot tell which motifs count.
// Targets: 'closingGC' = number of real hairpins whose closing pair (the innermost, next to the
// loop) is G-C or C-G; 'pairedInWindow' = number of paired positions in a window.
import type { RegressionRecord } from '../datasets/regression';
import { parsePairTable } from '../structure/dotBracket';
import { Random } from '../random';

export type StructureTarget = 'closingGC' | 'pairedInWindow';

export interface StructureTaskOptions {
  n: number;
  seed: number;
  /** Sequence length, or [min, max] inclusive (default [80, 110]). */
  length?: number | [number, number];
  target?: StructureTarget;
  /** Real hairpins per sequence [min, max] (default [1, 3]). */
  hairpins?: [number, number];
  /** Decoy hairpins per sequence [min, max] (default [0, 2]). */
  decoys?: [number, number];
  /** Base pairs per stem [min, max] (default [4, 7]). */
  stemLength?: [number, number];
  /** Hairpin loop length [min, max] (default [3, 6]). */
  loopLength?: [number, number];
  /** Window [from, to) (0-based) of 'pairedInWindow' (default [0, 30)). */
  window?: [number, number];
  /** SD of Gaussian noise added to the target (default 0). */
  noise?: number;
}

const PAIRS = ['GC', 'CG', 'AU', 'UA', 'GU', 'UG'];
const STEM_WEIGHTS = [0.3, 0.3, 0.15, 0.15, 0.05, 0.05];
const BASES = 'ACGU';

interface Element {
  sequence: string;
  structure: string;
  closingGC: boolean;
}

function drawRange(rng: Random, r: number | [number, number]): number {
  return typeof r === 'number' ? r : rng.int(r[0], r[1] + 1);
}

/** A hairpin: stem pairs outermost first; the closing pair is the last one drawn (half the time G-C). */
function hairpin(rng: Random, stem: number, loop: number, real: boolean): Element {
  let left = '';
  let right = '';
  let closingGC = false;
  for (let k = 0; k < stem; k++) {
    let pair: string;
    if (k === stem - 1) {
      closingGC = rng.bernoulli(0.5);
      pair = closingGC ? rng.choice(['GC', 'CG']) : rng.choice(['AU', 'UA', 'GU', 'UG']);
    } else pair = PAIRS[rng.weightedIndex(STEM_WEIGHTS)];
    left += pair[0];
    right = pair[1] + right;
  }
  let middle = '';
  for (let k = 0; k < loop; k++) middle += rng.choice(BASES);
  const structure = real ? '('.repeat(stem) + '.'.repeat(loop) + ')'.repeat(stem) : '.'.repeat(2 * stem + loop);
  return { sequence: left + middle + right, structure, closingGC };
}

/** Number of hairpins (loops without inner pairs) whose closing pair is G-C or C-G. */
export function closingGcCount(sequence: string, structure: string): number {
  const pt = parsePairTable(structure).partner;
  let count = 0;
  for (let i = 0; i < structure.length; i++) {
    const j = pt[i];
    if (j <= i) continue;
    let k = i + 1;
    while (k < j && pt[k] < 0) k++;
    if (k !== j) continue;
    const p = (sequence[i] + sequence[j]).toUpperCase();
    if (p === 'GC' || p === 'CG') count++;
  }
  return count;
}

/** Paired positions of a structure in [from, to). */
export function pairedInWindow(structure: string, from: number, to: number): number {
  const pt = parsePairTable(structure).partner;
  let count = 0;
  for (let i = Math.max(0, from); i < Math.min(to, structure.length); i++) if (pt[i] >= 0) count++;
  return count;
}

export function generateStructureTask(options: StructureTaskOptions): RegressionRecord[] {
  const rng = new Random(options.seed);
  const target = options.target ?? 'closingGC';
  const lengthRange = options.length ?? [80, 110];
  const hairpins = options.hairpins ?? [1, 3];
  const decoys = options.decoys ?? [0, 2];
  const stemRange = options.stemLength ?? [4, 7];
  const loopRange = options.loopLength ?? [3, 6];
  const [wFrom, wTo] = options.window ?? [0, 30];
  const noise = options.noise ?? 0;
  const records: RegressionRecord[] = [];
  for (let r = 0; r < options.n; r++) {
    const length = drawRange(rng, lengthRange);
    const kinds: boolean[] = [];
    for (let k = drawRange(rng, hairpins); k > 0; k--) kinds.push(true);
    for (let k = drawRange(rng, decoys); k > 0; k--) kinds.push(false);
    rng.shuffle(kinds);
    let elements = kinds.map((real) => hairpin(rng, drawRange(rng, stemRange), drawRange(rng, loopRange), real));
    // Drop decoys, then hairpins, until the elements fit (at least one linker base between them).
    const size = () => elements.reduce((s, e) => s + e.sequence.length, 0) + Math.max(0, elements.length - 1);
    while (elements.length > 0 && size() > length) {
      const decoy = elements.findIndex((e) => !/\(/.test(e.structure));
      elements = elements.filter((_, k) => k !== (decoy >= 0 ? decoy : elements.length - 1));
    }
    // Free positions go to the gaps (before, between, after); inner gaps get one base at least.
    const gaps = new Array<number>(elements.length + 1).fill(0);
    for (let g = 1; g < elements.length; g++) gaps[g] = 1;
    for (let free = length - size(); free > 0; free--) gaps[rng.int(0, gaps.length)]++;
    let sequence = '';
    let structure = '';
    const linker = (k: number) => {
      for (let q = 0; q < k; q++) sequence += rng.choice(BASES);
      structure += '.'.repeat(k);
    };
    elements.forEach((e, k) => {
      linker(gaps[k]);
      sequence += e.sequence;
      structure += e.structure;
    });
    linker(gaps[elements.length]);
    const exact = target === 'closingGC' ? closingGcCount(sequence, structure) : pairedInWindow(structure, wFrom, wTo);
    const value = noise > 0 ? exact + rng.normal(0, noise) : exact;
    records.push({ id: `s${r + 1}`, sequence, structure, target: value, line: r + 1 });
  }
  return records;
}
