// The duplex drawing of a pair: A 5'->3' on top, B reversed (3'->5') below, position i of A over
// position i of reversed B (A's 5' end faces B's 3' end), and between them one mark per column:
// `|` Watson-Crick (A-U, A-T, G-C), `:` wobble (G-U, G-T), space otherwise. Case-insensitive;
// the shorter strand is padded with spaces. Pure (unit-tested).

export interface DuplexLines {
  /** "5' " + A + " 3'" */
  top: string;
  middle: string;
  /** "3' " + reversed B + " 5'" */
  bottom: string;
  /** Watson-Crick and wobble pairs over the aligned columns. */
  watsonCrick: number;
  wobble: number;
}

const WC = new Set(['AU', 'UA', 'AT', 'TA', 'GC', 'CG']);
const WOBBLE = new Set(['GU', 'UG', 'GT', 'TG']);

/** The mark for one column (x from A, y from reversed B). */
export function pairMark(x: string, y: string): '|' | ':' | ' ' {
  const k = (x + y).toUpperCase();
  if (WC.has(k)) return '|';
  if (WOBBLE.has(k)) return ':';
  return ' ';
}

export function reverse(s: string): string {
  let r = '';
  for (let i = s.length - 1; i >= 0; i--) r += s[i];
  return r;
}

/** The middle line only (length max(|A|, |B|)). */
export function pairingMarks(a: string, b: string): string {
  const rb = reverse(b);
  const n = Math.max(a.length, rb.length);
  let m = '';
  for (let i = 0; i < n; i++) m += i < a.length && i < rb.length ? pairMark(a[i]!, rb[i]!) : ' ';
  return m;
}

/** The three lines of the duplex, with 5'/3' labels; columns line up in a monospace font. */
export function duplexLines(a: string, b: string): DuplexLines {
  const rb = reverse(b);
  const n = Math.max(a.length, rb.length);
  const middle = pairingMarks(a, b);
  let watsonCrick = 0;
  let wobble = 0;
  for (const c of middle) {
    if (c === '|') watsonCrick++;
    else if (c === ':') wobble++;
  }
  return {
    top: `5' ${a.padEnd(n)} 3'`,
    middle: `   ${middle}   `,
    bottom: `3' ${rb.padEnd(n)} 5'`,
    watsonCrick,
    wobble,
  };
}

export { gcFraction } from '../../src/core/sequence/gcFraction';
