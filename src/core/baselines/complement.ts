// Base complementarity for pair tasks: reverse complement (DNA or RNA, IUPAC codes complemented),
// and the pairing tests used by the pair baselines and the synthetic rule: Watson-Crick (A-U/T,
// C-G) and optionally G-U wobble; ambiguity codes never pair.

/** 0 A, 1 C, 2 G, 3 U/T for every character code < 128 (any case), -1 otherwise. */
export const BASE_INDEX: Int8Array = (() => {
  const t = new Int8Array(128).fill(-1);
  const set = (c: string, v: number) => {
    t[c.charCodeAt(0)] = v;
    t[c.toLowerCase().charCodeAt(0)] = v;
  };
  set('A', 0);
  set('C', 1);
  set('G', 2);
  set('U', 3);
  set('T', 3);
  return t;
})();

/** WC[x * 4 + y] = 1 when base indices x, y form a Watson-Crick pair. */
const WC = Int8Array.from([0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0]);
/** WC plus G-U and U-G. */
const WC_GU = Int8Array.from([0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0]);

export function baseIndex(code: number): number {
  return code < 128 ? BASE_INDEX[code] : -1;
}

/** Whether the characters at codes x and y pair (Watson-Crick, plus G-U when `gu`). */
export function pairsWith(x: number, y: number, gu = false): boolean {
  const a = baseIndex(x);
  const b = baseIndex(y);
  if (a < 0 || b < 0) return false;
  return (gu ? WC_GU : WC)[a * 4 + b] === 1;
}

const COMPLEMENT: Record<string, string> = {
  A: 'U', C: 'G', G: 'C', U: 'A', T: 'A', R: 'Y', Y: 'R', S: 'S', W: 'W', K: 'M', M: 'K',
  B: 'V', V: 'B', D: 'H', H: 'D', N: 'N',
};

/** Reverse complement, upper case, in the given alphabet (A pairs with U for RNA, T for DNA). */
export function reverseComplement(seq: string, alphabet: 'RNA' | 'DNA' = 'RNA'): string {
  let out = '';
  for (let i = seq.length - 1; i >= 0; i--) {
    const c = COMPLEMENT[seq[i].toUpperCase()] ?? 'N';
    out += alphabet === 'DNA' && c === 'U' ? 'T' : c;
  }
  return out;
}
