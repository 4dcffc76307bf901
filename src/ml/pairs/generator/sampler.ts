// Ancestral sampling of pairs from the generator: label -> length of A -> length of B -> A's bases -> B's
// bases, each token drawn from softmax(logits / temperature) restricted to what is allowed there:
// lengths among the allowed ones, and bases allowed by the constraint automaton of that sequence
// (template, GC range, homopolymers), so every finished sequence satisfies its constraints by
// construction. Deterministic for a seeded Random.
import type { Random } from '../../../core/random';
import type { ConstraintAutomaton, AutomatonState } from '../design/constraints';
import type { IncrementalDecoder } from './decoder';
import { featureWidth, LABEL_TOKEN, LENGTH_TOKEN0, slotOf, writeFeatures } from './tokens';

export interface SampleRequest {
  n: number;
  label: 0 | 1;
  temperature: number;
  random: Random;
  /** Lengths that may be drawn for A and for B (non-empty). */
  lengths: { a: readonly number[]; b: readonly number[] };
  /** Automaton of a sequence length (undefined = unconstrained). Lengths in `lengths` must be feasible. */
  automaton?: { a?: (length: number) => ConstraintAutomaton | undefined; b?: (length: number) => ConstraintAutomaton | undefined };
  alphabet: 'DNA' | 'RNA';
}

/** Draws one index among `choices` with probability proportional to exp(logit / temperature). */
function drawAmong(logits: Float32Array, offset: number, choices: readonly number[], temperature: number, random: Random, weights: Float64Array): number {
  let max = -Infinity;
  for (const c of choices) max = Math.max(max, logits[offset + c]!);
  let total = 0;
  choices.forEach((c, k) => {
    const w = Math.exp((logits[offset + c]! - max) / temperature);
    weights[k] = w;
    total += w;
  });
  let u = random.uniform() * total;
  for (let k = 0; k < choices.length; k++) {
    u -= weights[k]!;
    if (u < 0) return choices[k]!;
  }
  return choices[choices.length - 1]!;
}

const MASK_BASES: number[][] = Array.from({ length: 16 }, (_, m) => [0, 1, 2, 3].filter((x) => (m >> x) & 1));

export function samplePairs(decoder: IncrementalDecoder, req: SampleRequest): { a: string; b: string }[] {
  const { n, temperature, random } = req;
  const layout = decoder.config;
  const w = featureWidth(layout);
  const v = decoder.vocabulary;
  const weights = new Float64Array(Math.max(v, 4));
  const tokens: number[][] = Array.from({ length: n }, () => [LABEL_TOKEN[req.label]]);
  const la = new Int32Array(n);
  const lb = new Int32Array(n);
  const lengthTokens = { a: req.lengths.a.map((l) => LENGTH_TOKEN0 + l), b: req.lengths.b.map((l) => LENGTH_TOKEN0 + l) };
  const maxA = Math.max(...req.lengths.a);
  const maxB = Math.max(...req.lengths.b);
  const session = decoder.session(n, 2 + maxA + maxB);
  const automata: (ConstraintAutomaton | undefined)[][] = [[], []];
  const states: (AutomatonState | undefined)[][] = [[], []];
  let steps = 3; // until the lengths are known
  for (let p = 0; p + 1 < steps; p++) {
    const features = new Float32Array(n * w);
    for (let i = 0; i < n; i++) {
      const seq = tokens[i]!;
      if (p < seq.length) writeFeatures(features, i * w, seq[p]!, p, la[i]!, lb[i]!, layout, p + 1 >= 3 + la[i]! ? seq.slice(3, 3 + la[i]!) : undefined);
    }
    const logits = session.step(features);
    for (let i = 0; i < n; i++) {
      const seq = tokens[i]!;
      if (p >= 2 && p + 1 >= 3 + la[i]! + lb[i]!) continue; // finished: its last token is in
      const off = i * v;
      if (p === 0) {
        seq.push(drawAmong(logits, off, lengthTokens.a, temperature, random, weights));
        la[i] = seq[1]! - LENGTH_TOKEN0;
      } else if (p === 1) {
        seq.push(drawAmong(logits, off, lengthTokens.b, temperature, random, weights));
        lb[i] = seq[2]! - LENGTH_TOKEN0;
        for (const [k, len, make] of [[0, la[i]!, req.automaton?.a], [1, lb[i]!, req.automaton?.b]] as const) {
          const automaton = make?.(len);
          automata[k]![i] = automaton;
          states[k]![i] = automaton?.start();
        }
      } else {
        const slot = slotOf(p + 1, la[i]!, lb[i]!);
        const k = slot.kind === 3 ? 0 : 1;
        const automaton = automata[k]![i];
        const state = states[k]![i];
        const mask = automaton && state ? automaton.allowedNext(state) : 15;
        const base = drawAmong(logits, off, MASK_BASES[mask]!, temperature, random, weights);
        seq.push(base);
        if (automaton && state) states[k]![i] = automaton.next(state, base);
      }
    }
    if (p === 1) steps = 3 + Math.max(...Array.from(la, (a, i) => a + lb[i]!));
  }
  const letters = req.alphabet === 'DNA' ? 'ACGT' : 'ACGU';
  return tokens.map((seq, i) => {
    const bases = seq.slice(3).map((t) => letters[t]!).join('');
    return { a: bases.slice(0, la[i]!), b: bases.slice(la[i]!) };
  });
}
