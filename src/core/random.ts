// Seeded pseudo-random numbers for everything that must be reproducible (splits, synthetic data,
// shuffles, initialisation outside TF.js): xoshiro128** seeded through SplitMix32. Only 32-bit
// integer operations (Math.imul, >>>), so the stream is identical on every platform and engine;
// normal() uses Math.log/sqrt/cos, which V8 implements identically on every platform (fdlibm port).

/** Anything indexable by position: arrays and typed arrays. */
export interface MutableIndexable<T> {
  length: number;
  [index: number]: T;
}

/** SplitMix32 step: used to expand one seed into the 128-bit xoshiro state. */
function splitMix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** 32-bit FNV-1a hash of a string, to seed from names ("fold-3", a file hash...). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare: number | undefined;

  /** @param seed any integer (taken modulo 2^32) or a string (hashed) */
  constructor(seed: number | string = 0) {
    const s = typeof seed === 'string' ? hashString(seed) : Math.trunc(seed) >>> 0;
    const st = { s: s | 0 };
    this.a = splitMix32(st) | 0;
    this.b = splitMix32(st) | 0;
    this.c = splitMix32(st) | 0;
    this.d = splitMix32(st) | 0;
    if ((this.a | this.b | this.c | this.d) === 0) this.d = 1; // the all-zero state is a fixed point
  }

  /** A generator with the given raw xoshiro128** state (for test vectors; not all zero). */
  static fromState(a: number, b: number, c: number, d: number): Random {
    const r = new Random(0);
    r.a = a | 0;
    r.b = b | 0;
    r.c = c | 0;
    r.d = d | 0;
    return r;
  }

  /** Next raw 32-bit unsigned integer (xoshiro128**). */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform double in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.uniform();
  }

  /** Uniform integer in [lo, hi) (hi exclusive), without modulo bias. Requires hi - lo <= 2^32. */
  int(lo: number, hi: number): number {
    const span = hi - lo;
    if (!(span >= 1)) throw new RangeError(`empty integer range [${lo}, ${hi})`);
    if (span === 1) return lo;
    if (span > 4294967296) throw new RangeError('integer range wider than 2^32');
    // Rejection sampling: accept x below the largest multiple of span.
    const limit = 4294967296 - (4294967296 % span);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return lo + (x % span);
  }

  /** True with probability p. */
  bernoulli(p: number): boolean {
    return this.uniform() < p;
  }

  /** Normal deviate (Box-Muller, polar-free form; the second value of each pair is cached). */
  normal(mean = 0, sd = 1): number {
    if (this.spare !== undefined) {
      const z = this.spare;
      this.spare = undefined;
      return mean + sd * z;
    }
    let u = this.uniform();
    while (u === 0) u = this.uniform();
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    const theta = 2 * Math.PI * v;
    this.spare = r * Math.sin(theta);
    return mean + sd * r * Math.cos(theta);
  }

  /** Shuffles in place (Fisher-Yates) and returns the same array. */
  shuffle<A extends MutableIndexable<unknown>>(array: A): A {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.int(0, i + 1);
      const t = array[i];
      array[i] = array[j];
      array[j] = t;
    }
    return array;
  }

  /** A permutation of 0..n-1. */
  permutation(n: number): Int32Array {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    return this.shuffle(p);
  }

  /** One element, uniformly. */
  choice<T>(items: ArrayLike<T>): T {
    if (items.length === 0) throw new RangeError('choice from an empty list');
    return items[this.int(0, items.length)];
  }

  /** An index drawn with probability proportional to weights (non-negative, not all zero). */
  weightedIndex(weights: ArrayLike<number>): number {
    let total = 0;
    for (let i = 0; i < weights.length; i++) total += weights[i];
    if (!(total > 0)) throw new RangeError('weights must have a positive sum');
    let x = this.uniform() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) return i;
    }
    return weights.length - 1;
  }

  /** A new generator whose stream is independent of this one's future draws (seeded from it). */
  fork(): Random {
    return new Random(this.nextUint32());
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
