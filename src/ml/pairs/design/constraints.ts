// Sequence constraints of generated pairs, enforced by construction. Per sequence (A or B): a length,
// a template (IUPAC letter per position: N = any, A/C/G/U(T) fixed, R/Y/S/W/K/M/B/D/H/V = subsets),
// a GC range (fraction of G + C) and a maximum homopolymer run. A ConstraintAutomaton over the states
// (position, GC count, last base, run length) knows, by a backward pass, which states can still be
// completed; so that
//   - sampling only ever offers bases that keep a valid completion possible (allowedNext),
//   - projection picks the highest-scoring valid sequence under per-position base scores (best), and
//   - an impossible set of constraints is an error before anything runs (build -> reason).
// check() re-verifies a finished sequence from scratch (the final guard). Pure TypeScript.

export interface SequenceConstraints {
  length?: number;
  /** IUPAC letters, one per position (defines the length). */
  template?: string;
  /** Inclusive range of the GC fraction, e.g. [0.4, 0.6]. */
  gc?: [number, number];
  /** Longest allowed run of one base (>= 1). */
  maxHomopolymer?: number;
}

export interface PairConstraints {
  a: SequenceConstraints;
  b: SequenceConstraints;
}

const IUPAC_MASK: Record<string, number> = {
  A: 1, C: 2, G: 4, U: 8, T: 8, R: 5, Y: 10, S: 6, W: 9, K: 12, M: 3, B: 14, D: 13, H: 11, V: 7, N: 15,
};
const IS_GC = [0, 1, 1, 0];

/** Bitmask (bit b = base b of A C G U) of a template letter; undefined for other characters. */
export function templateMask(letter: string): number | undefined {
  return IUPAC_MASK[letter.toUpperCase()];
}

/** Problems of a constraint set that do not depend on feasibility (bad letters, ranges). */
export function constraintErrors(c: SequenceConstraints, what: string): string[] {
  const errors: string[] = [];
  if (c.template !== undefined) {
    const bad = [...c.template].findIndex((ch) => templateMask(ch) === undefined);
    if (bad >= 0) errors.push(`${what} template: '${c.template[bad]}' at position ${bad + 1} is not an IUPAC nucleotide letter`);
    if (c.template.length === 0) errors.push(`${what} template is empty`);
    if (c.length !== undefined && c.length !== c.template.length) errors.push(`${what}: length ${c.length} differs from the template's ${c.template.length}`);
  }
  if (c.length !== undefined && !(Number.isInteger(c.length) && c.length >= 1)) errors.push(`${what}: length must be a whole number >= 1`);
  if (c.gc) {
    const [lo, hi] = c.gc;
    if (!(lo >= 0 && hi <= 1 && lo <= hi)) errors.push(`${what}: GC range must satisfy 0 <= min <= max <= 1 (got ${lo}:${hi})`);
  }
  if (c.maxHomopolymer !== undefined && !(Number.isInteger(c.maxHomopolymer) && c.maxHomopolymer >= 1)) errors.push(`${what}: max homopolymer must be a whole number >= 1`);
  return errors;
}

export interface AutomatonState {
  pos: number;
  gc: number;
  /** 0-3, or 4 before the first base. */
  last: number;
  run: number;
}

export class ConstraintAutomaton {
  readonly length: number;
  readonly allowedAt: Uint8Array;
  readonly gcMin: number;
  readonly gcMax: number;
  /** Run limit; equal to length when unconstrained. */
  readonly maxRun: number;
  private readonly gcSize: number;
  private readonly runSize: number;
  /** ok[state] = the state can be completed. */
  private readonly ok: Uint8Array;

  private constructor(length: number, allowedAt: Uint8Array, gcMin: number, gcMax: number, maxRun: number) {
    this.length = length;
    this.allowedAt = allowedAt;
    this.gcMin = gcMin;
    this.gcMax = gcMax;
    this.maxRun = maxRun;
    // Dimensions collapse when a constraint is absent (GC always in range, runs unlimited).
    this.gcSize = gcMin > 0 || gcMax < length ? length + 1 : 1;
    this.runSize = maxRun < length ? maxRun + 1 : 1;
    this.ok = new Uint8Array((length + 1) * this.gcSize * 5 * this.runSize);
    this.fill();
  }

  /** The automaton of `c` for a sequence of `length`, or the reason no sequence can satisfy it. */
  static build(c: SequenceConstraints, length: number, what = 'sequence'): ConstraintAutomaton | string {
    const errors = constraintErrors({ ...c, length: c.template !== undefined ? c.template.length : length }, what);
    if (errors.length) return errors.join('; ');
    if (c.template !== undefined && c.template.length !== length) return `${what}: length ${length} differs from the template's ${c.template.length}`;
    const allowedAt = new Uint8Array(length).fill(15);
    if (c.template) for (let i = 0; i < length; i++) allowedAt[i] = templateMask(c.template[i]!)!;
    const gcMin = c.gc ? Math.ceil(c.gc[0] * length - 1e-9) : 0;
    const gcMax = c.gc ? Math.floor(c.gc[1] * length + 1e-9) : length;
    const maxRun = Math.min(length, c.maxHomopolymer ?? length);
    if (gcMin > gcMax) return `${what}: no GC count of a ${length}-nt sequence lies in ${c.gc![0]}:${c.gc![1]}`;
    const automaton = new ConstraintAutomaton(length, allowedAt, gcMin, gcMax, maxRun);
    if (!automaton.feasible()) {
      const parts = [c.template ? 'template' : '', c.gc ? `GC ${c.gc[0]}:${c.gc[1]}` : '', c.maxHomopolymer ? `max homopolymer ${c.maxHomopolymer}` : ''].filter(Boolean);
      return `${what}: no ${length}-nt sequence satisfies ${parts.join(' + ') || 'the constraints'} together`;
    }
    return automaton;
  }

  private index(pos: number, gc: number, last: number, run: number): number {
    const g = this.gcSize === 1 ? 0 : gc;
    const r = this.runSize === 1 ? 0 : run;
    return ((pos * this.gcSize + g) * 5 + last) * this.runSize + r;
  }

  /** The state after placing base x at s.pos, or undefined when x breaks a constraint there. */
  next(s: AutomatonState, x: number): AutomatonState | undefined {
    if (s.pos >= this.length || !((this.allowedAt[s.pos]! >> x) & 1)) return undefined;
    const run = x === s.last ? s.run + 1 : 1;
    if (run > this.maxRun) return undefined;
    const gc = s.gc + IS_GC[x]!;
    if (gc > this.gcMax) return undefined;
    return { pos: s.pos + 1, gc, last: x, run };
  }

  private fill(): void {
    const L = this.length;
    for (let pos = L; pos >= 0; pos--) {
      for (let gc = 0; gc <= (this.gcSize === 1 ? 0 : L); gc++) {
        for (let last = 0; last < 5; last++) {
          for (let run = 0; run < this.runSize; run++) {
            let good = false;
            if (pos === L) good = this.gcSize === 1 || (gc >= this.gcMin && gc <= this.gcMax);
            else {
              for (let x = 0; x < 4 && !good; x++) {
                const n = this.next({ pos, gc, last, run }, x);
                if (n && this.ok[this.index(n.pos, n.gc, n.last, n.run)]) good = true;
              }
            }
            this.ok[this.index(pos, gc, last, run)] = good ? 1 : 0;
          }
        }
      }
    }
  }

  start(): AutomatonState {
    return { pos: 0, gc: 0, last: 4, run: 0 };
  }

  feasible(): boolean {
    return this.ok[this.index(0, 0, 4, 0)] === 1;
  }

  /** Bitmask of the bases that can be placed next with a valid completion still possible. */
  allowedNext(s: AutomatonState): number {
    let mask = 0;
    for (let x = 0; x < 4; x++) {
      const n = this.next(s, x);
      if (n && this.ok[this.index(n.pos, n.gc, n.last, n.run)]) mask |= 1 << x;
    }
    return mask;
  }

  /**
   * The valid sequence (base indices) with the highest sum of scores[i * 4 + base] (e.g. log
   * probabilities of a PWM): exact dynamic programming over the automaton's states.
   */
  best(scores: ArrayLike<number>): Uint8Array {
    const L = this.length;
    const size = this.ok.length;
    const value = new Float64Array(size).fill(-Infinity);
    const choice = new Int8Array(size).fill(-1);
    for (let pos = L; pos >= 0; pos--) {
      for (let gc = 0; gc <= (this.gcSize === 1 ? 0 : L); gc++) {
        for (let last = 0; last < 5; last++) {
          for (let run = 0; run < this.runSize; run++) {
            const idx = this.index(pos, gc, last, run);
            if (!this.ok[idx]) continue;
            if (pos === L) {
              value[idx] = 0;
              continue;
            }
            for (let x = 0; x < 4; x++) {
              const n = this.next({ pos, gc, last, run }, x);
              if (!n) continue;
              const v = value[this.index(n.pos, n.gc, n.last, n.run)]! + scores[pos * 4 + x]!;
              if (v > value[idx]!) {
                value[idx] = v;
                choice[idx] = x;
              }
            }
          }
        }
      }
    }
    const out = new Uint8Array(L);
    let s = this.start();
    for (let pos = 0; pos < L; pos++) {
      const x = choice[this.index(s.pos, s.gc, s.last, s.run)]!;
      if (x < 0) throw new Error('constraint projection: no valid completion (automaton inconsistent)');
      out[pos] = x;
      s = this.next(s, x)!;
    }
    return out;
  }
}

/** Every violated constraint of a finished sequence, in words (empty = valid). Independent of the automaton. */
export function checkSequence(seq: string, c: SequenceConstraints, what = 'sequence'): string[] {
  const problems: string[] = [];
  const s = seq.toUpperCase().replace(/T/g, 'U');
  if (c.length !== undefined && s.length !== c.length) problems.push(`${what}: length ${s.length}, expected ${c.length}`);
  if (c.template !== undefined) {
    if (s.length !== c.template.length) problems.push(`${what}: length ${s.length}, template ${c.template.length}`);
    for (let i = 0; i < Math.min(s.length, c.template.length); i++) {
      const bit = 'ACGU'.indexOf(s[i]!);
      if (bit < 0 || !((templateMask(c.template[i]!)! >> bit) & 1)) problems.push(`${what}: position ${i + 1} '${s[i]}' does not match template '${c.template[i]}'`);
    }
  }
  if (c.gc) {
    const gc = [...s].filter((ch) => ch === 'G' || ch === 'C').length;
    const lo = Math.ceil(c.gc[0] * s.length - 1e-9);
    const hi = Math.floor(c.gc[1] * s.length + 1e-9);
    if (gc < lo || gc > hi) problems.push(`${what}: GC ${gc}/${s.length} outside ${c.gc[0]}:${c.gc[1]}`);
  }
  if (c.maxHomopolymer !== undefined) {
    let run = 0;
    for (let i = 0; i < s.length; i++) {
      run = i > 0 && s[i] === s[i - 1] ? run + 1 : 1;
      if (run > c.maxHomopolymer) {
        problems.push(`${what}: homopolymer run of ${run} at position ${i + 2 - run} (max ${c.maxHomopolymer})`);
        break;
      }
    }
  }
  for (let i = 0; i < s.length; i++) if ('ACGU'.indexOf(s[i]!) < 0) problems.push(`${what}: '${s[i]}' at position ${i + 1} is not a base`);
  return problems;
}

/** True when the sequence set carries a constraint at all. */
export function hasConstraints(c: SequenceConstraints): boolean {
  return c.template !== undefined || c.gc !== undefined || c.maxHomopolymer !== undefined || c.length !== undefined;
}
