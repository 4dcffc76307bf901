// Parsing and validation of what the user types for "Basepair: Generate Pairs" (count, GC range,
// max homopolymer, templates, temperature, seed): each parser returns the value or a message that
// says what to type. No vscode import: unit-tested in plain Node (test/unit/pairs-panel-constraints).

export type Parsed<T> = { value: T } | { error: string };

const IUPAC = /^[ACGTURYSWKMBDHVN]$/;

export function parseCount(text: string, max = 100000): Parsed<number> {
  const t = text.trim().replace(/[_,]/g, '');
  if (!/^\d+$/.test(t)) return { error: `Type a whole number of pairs, 1 to ${max.toLocaleString('en-US')}` };
  const n = Number(t);
  if (n < 1 || n > max) return { error: `Between 1 and ${max.toLocaleString('en-US')} pairs` };
  return { value: n };
}

/** `MIN:MAX` as fractions (0.4:0.6) or percentages (40:60); empty = no constraint. */
export function parseGcRange(text: string): Parsed<[number, number] | undefined> {
  const t = text.trim();
  if (t === '') return { value: undefined };
  const m = /^(\d*\.?\d+)\s*[:\-–]\s*(\d*\.?\d+)(%?)$/.exec(t);
  if (!m) return { error: 'Write MIN:MAX, e.g. 0.4:0.6 (or 40:60 in percent); empty for any GC content' };
  let lo = Number(m[1]);
  let hi = Number(m[2]);
  if (m[3] === '%' || lo > 1 || hi > 1) {
    if (lo > 100 || hi > 100) return { error: 'GC percentages are between 0 and 100' };
    lo /= 100;
    hi /= 100;
  }
  if (lo > hi) return { error: `MIN (${m[1]}) is larger than MAX (${m[2]})` };
  return { value: [Number(lo.toFixed(4)), Number(hi.toFixed(4))] };
}

/** Longest run of one base allowed (1..50); empty = no constraint. */
export function parseMaxHomopolymer(text: string): Parsed<number | undefined> {
  const t = text.trim();
  if (t === '') return { value: undefined };
  if (!/^\d+$/.test(t)) return { error: 'Type a whole number, e.g. 4 (no run of more than 4 identical bases); empty for no limit' };
  const n = Number(t);
  if (n < 1 || n > 50) return { error: 'Between 1 and 50' };
  return { value: n };
}

/**
 * An IUPAC template 5'->3' (N = any base, A/C/G/T/U fix a base, R/Y/S/W/K/M/B/D/H/V allow a set);
 * it fixes the length too. Empty = no template. `lengths` is the range the model saw, to warn.
 */
export function parseTemplate(text: string, lengths?: { min: number; max: number }): Parsed<string | undefined> {
  const t = text.trim().toUpperCase().replace(/\s+/g, '');
  if (t === '') return { value: undefined };
  for (let i = 0; i < t.length; i++) {
    if (!IUPAC.test(t[i]!)) return { error: `'${t[i]}' at position ${i + 1} is not an IUPAC letter: use A C G T/U, N for any base, or R Y S W K M B D H V` };
  }
  if (t.length > 1000) return { error: 'Templates are at most 1,000 nt' };
  if (lengths && (t.length < lengths.min || t.length > lengths.max)) {
    const seen = lengths.min === lengths.max ? `${lengths.min}` : `${lengths.min}–${lengths.max}`;
    return { error: `The template has ${t.length} nt but the model was trained on ${seen} nt` };
  }
  return { value: t };
}

/** Sampling temperature, > 0 and <= 5; empty = the default (1). */
export function parseTemperature(text: string): Parsed<number | undefined> {
  const t = text.trim();
  if (t === '') return { value: undefined };
  const v = Number(t);
  if (!Number.isFinite(v) || !/^\d*\.?\d+$/.test(t)) return { error: 'Type a number, e.g. 0.8 (lower: safer, less diverse; higher: more diverse)' };
  if (v <= 0 || v > 5) return { error: 'The temperature must be above 0 and at most 5' };
  return { value: v };
}

/** A non-negative integer seed; empty = the default. */
export function parseSeed(text: string): Parsed<number | undefined> {
  const t = text.trim();
  if (t === '') return { value: undefined };
  if (!/^\d+$/.test(t) || Number(t) > 2 ** 31 - 1) return { error: 'Type a whole number from 0 to 2147483647' };
  return { value: Number(t) };
}

/** Column names of a TSV/CSV header line (tab when it has tabs, else comma; quotes removed). */
export function headerColumns(firstLine: string): string[] {
  const line = firstLine.replace(/^\uFEFF/, '').replace(/\r$/, '');
  const delimiter = line.includes('\t') ? '\t' : ',';
  return line
    .split(delimiter)
    .map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim())
    .filter((c) => c.length > 0);
}
