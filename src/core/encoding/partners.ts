// Partner table of a dot-bracket string for the encoders' hot paths: a single-stack scan for the
// common '(' ')' '.' strings, and the full parser of core/structure (pseudoknot brackets, letter
// pairs) for anything else. partner[i] = index of i's partner (0-based), -1 when unpaired.
import { parsePairTable } from '../structure/dotBracket';

export function partnersOf(structure: string): Int32Array {
  const n = structure.length;
  const partner = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  let top = 0;
  for (let i = 0; i < n; i++) {
    const c = structure.charCodeAt(i);
    if (c === 0x2e) continue; // .
    if (c === 0x28) stack[top++] = i; // (
    else if (c === 0x29 && top > 0) {
      const j = stack[--top];
      partner[i] = j;
      partner[j] = i;
    } else return parsePairTable(structure).partner; // anything else, or an unmatched ')'
  }
  return partner;
}
