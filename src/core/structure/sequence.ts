// Sequence preparation for folding: upper-case, T -> U, numeric encoding (N=0 A=1 C=2 G=3 U=4, any
// other letter is 0 and can't pair, as in ViennaRNA) and the pair-type table
// (CG=1 GC=2 GU=3 UG=4 AU=5 UA=6, 0 = no canonical pair).

/** Pair type of bases a,b (encoded), indexed a*5+b. */
export const PAIR_TYPE: Int8Array = (() => {
  const t = new Int8Array(25);
  const set = (a: number, b: number, v: number) => (t[a * 5 + b] = v);
  set(2, 3, 1); // CG
  set(3, 2, 2); // GC
  set(3, 4, 3); // GU
  set(4, 3, 4); // UG
  set(1, 4, 5); // AU
  set(4, 1, 6); // UA
  return t;
})();

/** Reverse pair type: type of (j,i) given the type of (i,j). */
export const RTYPE: Int8Array = Int8Array.from([0, 2, 1, 4, 3, 6, 5, 7]);

export interface EncodedSequence {
  /** normalised sequence (upper case, U instead of T) */
  readonly seq: string;
  readonly n: number;
  /**
   * S[1..n] encoded bases; S[0] = S[n] and S[n+1] = S[1] (ViennaRNA's convention, only used where
   * a neighbour is always present).
   */
  readonly S: Int8Array;
}

export function normalizeSequence(seq: string): string {
  return seq.toUpperCase().replace(/T/g, 'U');
}

export function encodeBase(c: string): number {
  switch (c) {
    case 'A':
      return 1;
    case 'C':
      return 2;
    case 'G':
      return 3;
    case 'U':
    case 'T':
      return 4;
    default:
      return 0;
  }
}

export function encodeSequence(raw: string): EncodedSequence {
  const seq = normalizeSequence(raw);
  const n = seq.length;
  const S = new Int8Array(n + 2);
  for (let i = 1; i <= n; i++) S[i] = encodeBase(seq[i - 1]);
  if (n > 0) {
    S[0] = S[n];
    S[n + 1] = S[1];
  }
  return { seq, n, S };
}
