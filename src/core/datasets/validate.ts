// Checks and normalisation of single cell values shared by the dataset loaders: nucleotide
// sequences (IUPAC alphabet of core/sequence, case and T/U normalised), dot-bracket structures
// (balanced, same length as the sequence), strict decimal numbers and 0/1 labels. Each check
// returns the value or a problem with the 0-based index of the character at fault.
import { BASE_CLASS, BaseClass, describeChar } from '../sequence/alphabet';
import { parsePairTable } from '../structure/dotBracket';

export type NucleicAlphabet = 'RNA' | 'DNA';

export interface CellProblem {
  /** 0-based index in the (trimmed) value of the character at fault; -1 for the whole value. */
  index: number;
  reason: string;
}

const ALLOWED = 'A C G T U or an IUPAC code R Y S W K M B D H V N';

/** Upper-cased sequence with T -> U (RNA) or U -> T (DNA), or the first invalid character. */
export function normalizeSequence(raw: string, alphabet: NucleicAlphabet = 'RNA'): string | CellProblem {
  if (raw.length === 0) return { index: -1, reason: 'the sequence is empty' };
  const toU = alphabet === 'RNA';
  let out = '';
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    const cls = code < 128 ? BASE_CLASS[code] : BaseClass.Invalid;
    if (cls === BaseClass.Invalid || cls === BaseClass.Gap || cls === BaseClass.StrandBreak) {
      const what = cls === BaseClass.Gap ? "gap '-' (aligned sequences are not supported)"
        : cls === BaseClass.StrandBreak ? "strand break '&' (one strand per sequence)"
        : invalidChar(String.fromCodePoint(raw.codePointAt(i) ?? code));
      return { index: i, reason: `${what} in the sequence at position ${i + 1}; expected ${ALLOWED}` };
    }
    if ((toU && cls === BaseClass.T) || (!toU && cls === BaseClass.U)) {
      out += raw.slice(start, i).toUpperCase() + (toU ? 'U' : 'T');
      start = i + 1;
    }
  }
  return out + raw.slice(start).toUpperCase();
}

/** Whether a sequence (any case) holds a U (RNA) and whether it holds a T (DNA). */
export function alphabetUse(seq: string): { u: boolean; t: boolean } {
  let u = false;
  let t = false;
  for (let i = 0; i < seq.length; i++) {
    const c = seq.charCodeAt(i) | 0x20;
    if (c === 0x75) u = true;
    else if (c === 0x74) t = true;
  }
  return { u, t };
}

/** Problem of a dot-bracket structure for a sequence of `length` nt, or undefined when it is fine. */
export function structureProblem(structure: string, length: number): CellProblem | undefined {
  const table = parsePairTable(structure);
  if (table.invalid.length > 0) {
    const i = table.invalid[0];
    return { index: i, reason: `${invalidChar(structure[i])} in the structure at position ${i + 1}; expected . ( ) [ ] { } < > or letter pairs` };
  }
  const amp = structure.indexOf('&');
  if (amp >= 0) return { index: amp, reason: `strand break '&' in the structure at position ${amp + 1} (one strand per record)` };
  if (structure.length !== length) {
    return { index: -1, reason: `the structure has ${structure.length} characters but the sequence has ${length}` };
  }
  if (table.unmatched.length > 0) {
    const i = table.unmatched[0];
    return { index: i, reason: `unbalanced structure: '${structure[i]}' at position ${i + 1} has no partner` };
  }
  return undefined;
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A finite decimal number (`1`, `-0.5`, `3e-2`), or undefined for anything else (NA, inf, 0x10, ''). */
export function parseDecimal(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const v = Number(text);
  return Number.isFinite(v) ? v : undefined;
}

/** Why a target cell is not a usable number. */
export function targetProblem(text: string, name: string): string {
  if (text === '') return `the ${name} value is missing`;
  if (/^[+-]?(inf|infinity|nan)$/i.test(text) || (DECIMAL.test(text) && !Number.isFinite(Number(text)))) {
    return `the ${name} value '${text}' is not a finite number`;
  }
  if (/^(na|n\/a|null|none|-)$/i.test(text)) return `the ${name} value is missing ('${text}')`;
  return `the ${name} value ${JSON.stringify(text.length > 40 ? text.slice(0, 39) + '…' : text)} is not a number`;
}

/** 0 or 1 from `0`, `1` (also `0.0`, `1.0`, `true`, `false`), else undefined. */
export function parseLabel(text: string): 0 | 1 | undefined {
  const t = text.toLowerCase();
  if (t === 'true') return 1;
  if (t === 'false') return 0;
  const v = parseDecimal(t);
  return v === 0 ? 0 : v === 1 ? 1 : undefined;
}

/** "invalid character 'X'", or "invalid tab (U+0009)" for characters described by name. */
function invalidChar(c: string): string {
  const d = describeChar(c);
  return d.startsWith("'") ? `invalid character ${d}` : `invalid ${d}`;
}
