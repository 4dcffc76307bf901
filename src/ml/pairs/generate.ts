// Generation with a loaded pair model, both modes, and the report of the generated set:
//   sample: ancestral sampling from the generator (label 1, temperature, lengths seen in training or
//           fixed by templates, constraints enforced token by token by the automata), every pair
//           scored by the classifier, those with score >= threshold kept, in rounds until N are kept
//           (or the draw budget is spent); `drawn` says how many it took;
//   design: Fast-SeqProp optimisation of batches against the classifier (design/designPairs.ts),
//           starting from the generator's samples when the model has a generator.
// Every kept pair is re-checked against its constraints from scratch (checkSequence) before output.
import { Random } from '../../core/random';
import { canonicalSequence, generationReport, type GenerationReport } from '../../core/metrics/generation';
import { Cancelled } from '../engine/cancelled';
import { checkSequence, ConstraintAutomaton, type SequenceConstraints } from './design/constraints';
import { designPairs } from './design/designPairs';
import { IncrementalDecoder } from './generator/decoder';
import { samplePairs } from './generator/sampler';
import type { PairModel } from './io/pairModelDir';
import { pairProbabilities } from './scorePairs';
import { ruleName, ruleTest } from './synthetic';
import type { GenerationMode, GeneratedRow } from '../../protocol/results';
import { gcFraction } from '../../core/sequence/gcFraction';
export type { GenerationMode, GeneratedRow } from '../../protocol/results';

export interface GenerationConstraints {
  /** Inclusive GC fraction range applied to A and B. */
  gc?: [number, number];
  maxHomopolymer?: number;
  /** IUPAC templates fixing positions (and lengths). */
  templateA?: string;
  templateB?: string;
}

export interface GenerateOptions extends GenerationConstraints {
  n: number;
  mode?: GenerationMode;
  temperature?: number;
  seed?: number;
  /** Sample mode: stop after drawing this many (default max(2,000, 50 n)). Design: rounds x batch. */
  maxDraws?: number;
  /** Keep pairs scoring at least this (never below the classifier's decision threshold): a stricter
   *  bar costs more draws and gives pairs that other classifiers accept more often. */
  minScore?: number;
  signal?: AbortSignal;
  onProgress?: (p: { drawn: number; accepted: number; n: number }) => void;
}

export interface GenerationResult {
  mode: GenerationMode;
  rows: GeneratedRow[];
  drawn: number;
  threshold: number;
  report: GenerationReport;
  seconds: number;
}

/** A user-facing problem with the request (impossible constraints, lengths the model cannot make). */
export class GenerationError extends Error {
  override readonly name = 'GenerationError';
}

function constraintsOf(c: GenerationConstraints, which: 'a' | 'b'): SequenceConstraints {
  const template = which === 'a' ? c.templateA : c.templateB;
  return {
    ...(template ? { template: template.toUpperCase() } : {}),
    ...(c.gc ? { gc: c.gc } : {}),
    ...(c.maxHomopolymer !== undefined ? { maxHomopolymer: c.maxHomopolymer } : {}),
  };
}

/** Automata per length, built on demand (GenerationError when a length cannot satisfy them). */
class AutomatonCache {
  private readonly cache = new Map<number, ConstraintAutomaton | string>();
  constructor(
    readonly constraints: SequenceConstraints,
    readonly what: string,
  ) {}
  get(length: number): ConstraintAutomaton | string {
    let a = this.cache.get(length);
    if (a === undefined) {
      a = ConstraintAutomaton.build(this.constraints, length, this.what);
      this.cache.set(length, a);
    }
    return a;
  }
  require(length: number): ConstraintAutomaton {
    const a = this.get(length);
    if (typeof a === 'string') throw new GenerationError(a);
    return a;
  }
}

function lengthsFor(counts: Record<string, number>, cache: AutomatonCache, template: string | undefined, maxLength: number, what: string): number[] {
  if (template) {
    if (template.length > maxLength) throw new GenerationError(`${what} template has ${template.length} positions; this model generates at most ${maxLength} nt`);
    cache.require(template.length);
    return [template.length];
  }
  const seen = Object.keys(counts).map(Number).filter((l) => l >= 1 && l <= maxLength);
  const ok = seen.filter((l) => typeof cache.get(l) !== 'string');
  if (ok.length === 0) {
    const why = seen.length ? cache.get(seen[0]!) : 'no lengths';
    throw new GenerationError(`no ${what} length seen in training satisfies the constraints (${String(why)})`);
  }
  return ok.sort((x, y) => x - y);
}

const LETTERS = { DNA: 'ACGT', RNA: 'ACGU' } as const;


function checkedRow(model: PairModel, a: string, b: string, score: number, k: number, c: GenerationConstraints): GeneratedRow | undefined {
  const problems = [...checkSequence(a, constraintsOf(c, 'a'), 'A'), ...checkSequence(b, constraintsOf(c, 'b'), 'B')];
  if (problems.length) return undefined; // cannot happen (automata); never output a violating pair
  const rule = model.card.synthetic ? ruleTest(model.card.synthetic)(a, b) : undefined;
  return {
    id: `gen${k}`,
    a,
    b,
    score,
    gcA: gcFraction(a),
    gcB: gcFraction(b),
    novel: !model.trainingPairs.has(a, b),
    ...(rule !== undefined ? { rule } : {}),
  };
}

export async function generatePairs(model: PairModel, opts: GenerateOptions): Promise<GenerationResult> {
  const t0 = performance.now();
  const mode = opts.mode ?? 'sample';
  const n = opts.n;
  if (!(Number.isInteger(n) && n >= 1)) throw new GenerationError(`the number of pairs must be a whole number >= 1, not ${n}`);
  const seed = opts.seed ?? 1;
  const threshold = Math.max(model.card.threshold, opts.minScore ?? 0);
  const alphabet = model.card.alphabet;
  const cacheA = new AutomatonCache(constraintsOf(opts, 'a'), 'A');
  const cacheB = new AutomatonCache(constraintsOf(opts, 'b'), 'B');
  for (const cache of [cacheA, cacheB]) if (cache.constraints.template) cache.require(cache.constraints.template.length);
  const rows: GeneratedRow[] = [];
  let drawn = 0;
  /** Scores a drawn or designed batch and keeps the pairs above the threshold that pass the final checks. */
  const acceptScored = async (pairs: { a: string; b: string }[]): Promise<void> => {
    const scores = await pairProbabilities(model.classifier, pairs, 1024, opts.signal);
    pairs.forEach((p, k) => {
      if (rows.length >= n || scores[k]! < threshold) return;
      const row = checkedRow(model, p.a, p.b, scores[k]!, rows.length + 1, opts);
      if (row) rows.push(row);
    });
    opts.onProgress?.({ drawn, accepted: rows.length, n });
  };
  const random = new Random(`generate-${mode}-${seed}`);

  if (mode === 'sample') {
    if (!model.generator) throw new GenerationError('this pair model has no generator: train it again to sample');
    const gcard = model.generator.card;
    const maxLength = gcard.architecture.config.maxLength;
    const lengths = {
      a: lengthsFor(gcard.lengthCounts.a, cacheA, opts.templateA, maxLength, 'A'),
      b: lengthsFor(gcard.lengthCounts.b, cacheB, opts.templateB, maxLength, 'B'),
    };
    const temperature = opts.temperature ?? 1;
    if (!(temperature > 0)) throw new GenerationError(`the temperature must be > 0, not ${temperature}`);
    const maxDraws = opts.maxDraws ?? Math.max(2000, 50 * n);
    const decoder = new IncrementalDecoder(model.generator.network, gcard.architecture.config);
    try {
      while (rows.length < n && drawn < maxDraws) {
        if (opts.signal?.aborted) throw new Cancelled('generation');
        const need = n - rows.length;
        const size = Math.min(maxDraws - drawn, 10_000, Math.max(64, Math.ceil(need * 1.25)));
        const pairs = samplePairs(decoder, {
          n: size,
          label: 1,
          temperature,
          random,
          lengths,
          automaton: { a: (l) => cacheA.require(l), b: (l) => cacheB.require(l) },
          alphabet,
        });
        drawn += size;
        await acceptScored(pairs);
      }
    } finally {
      decoder.dispose();
    }
  } else {
    const la = opts.templateA ? opts.templateA.length : model.card.lengths.a.mode;
    const lb = opts.templateB ? opts.templateB.length : model.card.lengths.b.mode;
    const automata = { a: cacheA.require(la), b: cacheB.require(lb) };
    const batch = Math.min(256, Math.max(16, Math.ceil(n * 1.2)));
    const maxDraws = opts.maxDraws ?? Math.max(batch * 4, Math.ceil(n * 4));
    const letters = LETTERS[alphabet];
    let round = 0;
    const decoder = model.generator ? new IncrementalDecoder(model.generator.network, model.generator.card.architecture.config) : undefined;
    const starts = (): { a: Uint8Array; b: Uint8Array }[] | undefined => {
      if (!decoder || Math.max(la, lb) > decoder.config.maxLength) return undefined;
      const seeds = samplePairs(decoder, { n: batch, label: 1, temperature: opts.temperature ?? 1, random, lengths: { a: [la], b: [lb] }, automaton: { a: () => automata.a, b: () => automata.b }, alphabet: 'RNA' });
      const idx = (s: string) => Uint8Array.from(s, (c) => 'ACGU'.indexOf(c));
      return seeds.map((p) => ({ a: idx(p.a), b: idx(p.b) }));
    };
    try {
      while (rows.length < n && drawn < maxDraws) {
        const init = starts();
        const designed = await designPairs(model.classifier, { batch, automata, seed: seed * 1009 + round++, ...(init ? { init } : {}), ...(opts.signal ? { signal: opts.signal } : {}) });
        drawn += designed.length;
        const pairs = designed.map((d) => ({ a: Array.from(d.a, (x) => letters[x]).join(''), b: Array.from(d.b, (x) => letters[x]).join('') }));
        await acceptScored(pairs);
      }
    } finally {
      decoder?.dispose();
    }
  }
  const synthetic = model.card.synthetic;
  const report = generationReport(
    rows.map((r) => ({ a: canonicalSequence(r.a), b: canonicalSequence(r.b), score: r.score })),
    {
      threshold,
      isTrainingPair: (a, b) => model.trainingPairs.has(a, b),
      reference: model.card.reference,
      ...(synthetic ? { rule: { name: ruleName(synthetic), test: ruleTest(synthetic) } } : {}),
      seed,
      maxPairs: 100_000,
    },
  );
  return { mode, rows, drawn, threshold, report, seconds: (performance.now() - t0) / 1000 };
}
