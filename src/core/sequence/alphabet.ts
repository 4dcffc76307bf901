// Nucleotide alphabet: IUPAC codes, gap and strand break, with a lookup table for the hot paths of
// the linter, and the base-pairing rule (canonical Watson-Crick and GU wobble pairs).

export const NUCLEOTIDE_CODES = 'ACGTU';
export const AMBIGUITY_CODES = 'RYSWKMBDHVN';
export const GAP = '-';
export const STRAND_BREAK = '&';

/** Character classes in the table below. */
export const enum BaseClass {
  Invalid = 0,
  A = 1,
  C = 2,
  G = 3,
  T = 4,
  U = 5,
  Ambiguous = 6,
  Gap = 7,
  StrandBreak = 8,
}

/** BaseClass of every character code < 128 (upper and lower case alike). */
export const BASE_CLASS: Uint8Array = (() => {
  const t = new Uint8Array(128);
  const set = (chars: string, cls: number) => {
    for (const c of chars) {
      t[c.charCodeAt(0)] = cls;
      t[c.toLowerCase().charCodeAt(0)] = cls;
    }
  };
  set('A', BaseClass.A);
  set('C', BaseClass.C);
  set('G', BaseClass.G);
  set('T', BaseClass.T);
  set('U', BaseClass.U);
  set(AMBIGUITY_CODES, BaseClass.Ambiguous);
  set(GAP, BaseClass.Gap);
  set(STRAND_BREAK, BaseClass.StrandBreak);
  return t;
})();

export function baseClassOf(code: number): number {
  return code < 128 ? BASE_CLASS[code] : BaseClass.Invalid;
}

/** Whether two bases (any case, T read as U) form a canonical pair: AU, UA, GC, CG, GU, UG. */
export function isCanonicalPair(a: string, b: string): boolean {
  const x = normalizeBase(a);
  const y = normalizeBase(b);
  const pair = x + y;
  return pair === 'AU' || pair === 'UA' || pair === 'GC' || pair === 'CG' || pair === 'GU' || pair === 'UG';
}

/** Whether a base is one of A C G T U (not an ambiguity code, gap or other). */
export function isDefiniteBase(c: string): boolean {
  const cls = baseClassOf(c.charCodeAt(0));
  return cls >= BaseClass.A && cls <= BaseClass.U;
}

export function normalizeBase(c: string): string {
  const u = c.toUpperCase();
  return u === 'T' ? 'U' : u;
}

/** Human description of a character for messages: 'X', or a name for invisible ones. */
export function describeChar(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  const names: Record<number, string> = { 0x09: 'tab', 0x20: 'space', 0xa0: 'no-break space', 0xfeff: 'byte-order mark' };
  const hex = 'U+' + code.toString(16).toUpperCase().padStart(4, '0');
  if (names[code]) return `${names[code]} (${hex})`;
  if (code < 0x20 || code === 0x7f) return `control character ${hex}`;
  return `'${c}'`;
}
