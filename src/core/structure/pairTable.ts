// Conversions between nested dot-bracket strings `(`, `)`, `.` (optionally one `&` strand break)
// and 1-based pair tables (pt[i] = partner of i or 0), for the folding engine.

export interface NestedStructure {
  /** pt[0] = n; pt[i] = partner of i (1-based) or 0 */
  pt: Int32Array;
  /** position (1-based) of the last nucleotide of the first strand, 0 for a single strand */
  cut: number;
}

/** Parses `(`/`)`/`.` with at most one `&`; throws on anything else or unbalanced brackets. */
export function parseNested(structure: string): NestedStructure {
  const amp = structure.indexOf('&');
  if (amp >= 0 && structure.indexOf('&', amp + 1) >= 0) throw new Error('at most two strands (one "&") are supported');
  const s = amp >= 0 ? structure.slice(0, amp) + structure.slice(amp + 1) : structure;
  const n = s.length;
  const pt = new Int32Array(n + 1);
  pt[0] = n;
  const stack: number[] = [];
  for (let k = 1; k <= n; k++) {
    const c = s[k - 1];
    if (c === '(') stack.push(k);
    else if (c === ')') {
      const i = stack.pop();
      if (i === undefined) throw new Error(`unbalanced ')' at position ${k}`);
      pt[i] = k;
      pt[k] = i;
    } else if (c !== '.') throw new Error(`unexpected character '${c}' at position ${k} (only '(', ')', '.' and '&' allowed)`);
  }
  if (stack.length > 0) throw new Error(`unbalanced '(' at position ${stack[stack.length - 1]}`);
  return { pt, cut: amp >= 0 ? amp : 0 };
}

/** Dot-bracket string of a pair table, with `&` after position `cut` when cut > 0. */
export function toDotBracket(pt: Int32Array | number[], n: number, cut = 0): string {
  const out: string[] = [];
  for (let k = 1; k <= n; k++) {
    out.push(pt[k] === 0 ? '.' : pt[k] > k ? '(' : ')');
    if (k === cut) out.push('&');
  }
  return out.join('');
}

/** Pair list (i<j, 1-based) of a pair table. */
export function pairsOf(pt: Int32Array): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 1; i < pt.length; i++) if (pt[i] > i) out.push([i, pt[i]]);
  return out;
}
