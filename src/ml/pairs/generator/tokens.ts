// The token layout of the pair generator: one pair is the sequence
//   [label] [length of A] [length of B] A_1 .. A_La B_1 .. B_Lb
// (A and B 5'->3'). The lengths come first so that every later slot knows its position from both
// ends of its sequence: B_t (t from B's 5' end) pairs with A at t from A's 3' end in a full-length
// antiparallel duplex, which attention then finds by matching those two positions.
// Each input position p carries: its token (one-hot), and a description of its own slot and of the
// slot p + 1 it predicts (kind one-hot + sinusoidal position from the 5' end and from the 3' end),
// and, when slot p + 1 is a base of B, its two candidate partners in A (already drawn, since A comes
// first): A[La-1-t] for B_t from B's 5' end (full-length antiparallel duplex, as a reverse complement)
// and A[u] for B_u from B's 3' end (A's 5' end, e.g. a miRNA seed, against the 3' end of its site).
// These partner features give the generator the same pairing bias as the classifier's interaction map.
export const BASE_TOKENS = 4; // A C G U
export const LABEL_TOKEN = [4, 5] as const;
export const LENGTH_TOKEN0 = 6;

export const SLOT_KINDS = 5; // label, length A, length B, A base, B base
export type SlotKind = 0 | 1 | 2 | 3 | 4;

export interface TokenLayout {
  /** Longest A or B the generator handles (positions and length tokens). */
  maxLength: number;
  /** Sinusoid frequencies per position encoding (features = 2 x frequencies). */
  frequencies: number;
}

export function vocabularySize(layout: TokenLayout): number {
  return LENGTH_TOKEN0 + layout.maxLength + 1;
}

/** Floats of the partner block (two one-hot bases). */
export const PARTNER_WIDTH = 8;

export function featureWidth(layout: TokenLayout): number {
  return vocabularySize(layout) + 2 * slotWidth(layout) + PARTNER_WIDTH;
}

function slotWidth(layout: TokenLayout): number {
  return SLOT_KINDS + 4 * layout.frequencies;
}

/** Token of a base letter (A C G U/T, any case); -1 for anything else. */
export function baseToken(c: string): number {
  switch (c) {
    case 'A': case 'a': return 0;
    case 'C': case 'c': return 1;
    case 'G': case 'g': return 2;
    case 'U': case 'u': case 'T': case 't': return 3;
    default: return -1;
  }
}

/** Tokens of a pair (lengths must be <= layout.maxLength, letters ACGU/T). */
export function pairTokens(label: 0 | 1, a: string, b: string): number[] {
  const out = [LABEL_TOKEN[label], LENGTH_TOKEN0 + a.length, LENGTH_TOKEN0 + b.length];
  for (const s of [a, b]) for (const c of s) out.push(baseToken(c));
  return out;
}

/** Kind and positions (from the 5' and the 3' end; -1 when not a base) of slot p of a pair (la, lb). */
export function slotOf(p: number, la: number, lb: number): { kind: SlotKind; from5: number; from3: number } {
  if (p === 0) return { kind: 0, from5: -1, from3: -1 };
  if (p === 1) return { kind: 1, from5: -1, from3: -1 };
  if (p === 2) return { kind: 2, from5: -1, from3: -1 };
  const i = p - 3;
  if (i < la) return { kind: 3, from5: i, from3: la - 1 - i };
  const t = i - la;
  return { kind: 4, from5: t, from3: lb - 1 - t };
}

const SINUSOIDS = new Map<string, Float32Array>();

/** sin/cos of the position at `frequencies` geometric periods from 4 to 4 * maxLength. */
function sinusoid(pos: number, layout: TokenLayout): Float32Array {
  const key = `${pos}/${layout.maxLength}/${layout.frequencies}`;
  let v = SINUSOIDS.get(key);
  if (!v) {
    const f = layout.frequencies;
    v = new Float32Array(2 * f);
    for (let k = 0; k < f; k++) {
      const period = 4 * Math.pow(layout.maxLength, f > 1 ? k / (f - 1) : 0);
      const w = (2 * Math.PI) / period;
      v[2 * k] = Math.sin(w * pos);
      v[2 * k + 1] = Math.cos(w * pos);
    }
    SINUSOIDS.set(key, v);
  }
  return v;
}

function writeSlot(out: Float32Array, offset: number, p: number, la: number, lb: number, layout: TokenLayout): void {
  const s = slotOf(p, la, lb);
  out[offset + s.kind] = 1;
  if (s.from5 >= 0) {
    out.set(sinusoid(s.from5, layout), offset + SLOT_KINDS);
    out.set(sinusoid(s.from3, layout), offset + SLOT_KINDS + 2 * layout.frequencies);
  }
}

/**
 * Features of input position p (token `token` in slot p of a pair with lengths la, lb; before the
 * lengths are known pass la = lb = 0, which only the first two positions need) into `out` at `offset`
 * (featureWidth floats, zero-filled by the caller).
 */
export function writeFeatures(out: Float32Array, offset: number, token: number, p: number, la: number, lb: number, layout: TokenLayout, aTokens?: ArrayLike<number>): void {
  const v = vocabularySize(layout);
  out[offset + token] = 1;
  writeSlot(out, offset + v, p, la, lb, layout);
  writeSlot(out, offset + v + slotWidth(layout), p + 1, la, lb, layout);
  if (!aTokens || p + 1 < 3) return;
  const next = slotOf(p + 1, la, lb);
  if (next.kind !== 4) return;
  const partners = offset + v + 2 * slotWidth(layout);
  if (next.from5 < la) {
    const x = aTokens[la - 1 - next.from5]!;
    if (x >= 0 && x < 4) out[partners + x] = 1;
  }
  if (next.from3 < la) {
    const x = aTokens[next.from3]!;
    if (x >= 0 && x < 4) out[partners + 4 + x] = 1;
  }
}

export interface TokenBatch {
  /** [n, steps, featureWidth] inputs. */
  features: Float32Array;
  /** [n, steps] target tokens (0 where masked). */
  targets: Int32Array;
  /** [n, steps] 1 where a target exists. */
  mask: Float32Array;
  /** [n, steps] 1 where the target is a base (for the per-base likelihood). */
  baseMask: Float32Array;
  n: number;
  steps: number;
}

/** Teacher-forcing batch: input positions 0..T-2 predict tokens 1..T-1 (padded to the longest pair). */
export function tokenBatch(pairs: readonly { label: 0 | 1; a: string; b: string }[], layout: TokenLayout): TokenBatch {
  const tokens = pairs.map((p) => pairTokens(p.label, p.a, p.b));
  const steps = Math.max(...tokens.map((t) => t.length)) - 1;
  const w = featureWidth(layout);
  const n = pairs.length;
  const features = new Float32Array(n * steps * w);
  const targets = new Int32Array(n * steps);
  const mask = new Float32Array(n * steps);
  const baseMask = new Float32Array(n * steps);
  tokens.forEach((t, r) => {
    const la = pairs[r]!.a.length;
    const lb = pairs[r]!.b.length;
    const aTokens = t.slice(3, 3 + la);
    for (let p = 0; p + 1 < t.length; p++) {
      writeFeatures(features, (r * steps + p) * w, t[p]!, p, la, lb, layout, aTokens);
      targets[r * steps + p] = t[p + 1]!;
      mask[r * steps + p] = 1;
      if (p + 1 >= 3) baseMask[r * steps + p] = 1;
    }
  });
  return { features, targets, mask, baseMask, n, steps };
}
