// Dot-bracket structure notation: pair table with pseudoknot brackets ([] {} <> and Aa..Zz letter
// pairs), strand breaks `&`, and the positions of characters that are not structure notation.
// Indices are 0-based positions in the structure string (including `&`).

export interface PairTable {
  /** partner[i] = index of i's partner, or -1 when unpaired (or not a bracket). */
  partner: Int32Array;
  /** Indices of brackets without a partner, in string order. */
  unmatched: number[];
  /** Indices of characters that are not structure notation. */
  invalid: number[];
}

const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };
const CLOSE: Record<string, string> = { ')': '(', ']': '[', '}': '{', '>': '<' };

/** Stack key of a bracket family: the opening character ('(' '[' '{' '<' or an upper-case letter). */
function familyOf(c: string): { key: string; opens: boolean } | undefined {
  if (c in OPEN) return { key: c, opens: true };
  if (c in CLOSE) return { key: CLOSE[c], opens: false };
  if (c >= 'A' && c <= 'Z') return { key: c, opens: true };
  if (c >= 'a' && c <= 'z') return { key: c.toUpperCase(), opens: false };
  return undefined;
}

export function isStructureChar(c: string): boolean {
  return c === '.' || c === '&' || familyOf(c) !== undefined;
}

export function parsePairTable(structure: string): PairTable {
  const n = structure.length;
  const partner = new Int32Array(n).fill(-1);
  const unmatched: number[] = [];
  const invalid: number[] = [];
  const stacks = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const c = structure[i];
    if (c === '.' || c === '&') continue;
    const fam = familyOf(c);
    if (!fam) {
      invalid.push(i);
      continue;
    }
    let stack = stacks.get(fam.key);
    if (!stack) stacks.set(fam.key, (stack = []));
    if (fam.opens) stack.push(i);
    else if (stack.length > 0) {
      const j = stack.pop()!;
      partner[i] = j;
      partner[j] = i;
    } else unmatched.push(i);
  }
  for (const stack of stacks.values()) unmatched.push(...stack);
  unmatched.sort((a, b) => a - b);
  return { partner, unmatched, invalid };
}

/** 1-based nucleotide number of each index, not counting `&` (0 for `&` itself). */
export function nucleotideNumbers(s: string): Int32Array {
  const out = new Int32Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) out[i] = s[i] === '&' ? 0 : ++n;
  return out;
}
