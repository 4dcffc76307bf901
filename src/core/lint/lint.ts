// The linter: turns a parsed FASTA/dot-bracket file into diagnostics with stable codes (codes.ts).
// One pass over the sequence characters with a lookup table; structure checks build a pair table per
// record. Diagnostics come out in document order, capped per file (BP011 says how many were not shown).
import { joinRanges, offsetOfIndex } from '../formats/parse';
import type { OffsetRange, ParsedFile, SeqRecord } from '../formats/records';
import { BASE_CLASS, BaseClass, describeChar, isCanonicalPair, isDefiniteBase } from '../sequence/alphabet';
import { nucleotideNumbers, parsePairTable } from '../structure/dotBracket';
import { MAX_PROBLEMS_PER_FILE } from './codes';
import { diagnostic, DiagnosticCollector, type FileDiagnostic } from './diagnostic';

export interface LintOptions {
  /** Problems kept per file; 0 = all. Default 1,000. */
  maxProblems?: number;
}

export interface LintResult {
  /** Kept diagnostics in document order, then BP011 when some were dropped. */
  diagnostics: FileDiagnostic[];
  /** Number of problems found, kept or not (BP011 not counted). */
  total: number;
}

const SEQUENCE_ALPHABET = "allowed: A C G T U, IUPAC codes R Y S W K M B D H V N, gap '-', strand break '&'";
const STRUCTURE_ALPHABET = "allowed: . ( ) [ ] { } < > &, and letter pairs A-a .. Z-z";

export function lintFile(file: ParsedFile, options: LintOptions = {}): LintResult {
  const collector = new DiagnosticCollector(options.maxProblems ?? MAX_PROBLEMS_PER_FILE);
  if (file.preamble) {
    collector.add(
      diagnostic('BP010', file.preamble, "text before the first '>' header: every record must start with a line '>id'"),
    );
  }
  const firstHeaderOf = new Map<string, SeqRecord>();
  for (const record of file.records) {
    const found: FileDiagnostic[] = [];
    checkHeader(record, firstHeaderOf, found);
    const hasSequence = checkSequence(file.text, record, found, collector);
    if (!hasSequence) {
      found.push(diagnostic('BP003', record.header, `record '${record.id}' has an empty sequence`, record.index));
    }
    if (file.kind === 'dot-bracket') checkStructure(file.text, record, hasSequence, found);
    collector.addAll(found);
  }
  return { diagnostics: collector.result(), total: collector.total };
}

function checkHeader(record: SeqRecord, firstHeaderOf: Map<string, SeqRecord>, found: FileDiagnostic[]): void {
  if (record.id === '') return;
  const first = firstHeaderOf.get(record.id);
  if (!first) {
    firstHeaderOf.set(record.id, record);
    return;
  }
  found.push(
    diagnostic('BP004', record.header, `duplicate record id '${record.id}' (first used by record ${first.index + 1})`, record.index, [
      { range: first.header, message: `first record with id '${record.id}'` },
    ]),
  );
}

// Tested on a record's whole sequence extent (first to last sequence line), line ends included.
const INVALID_IN_SEQUENCE = /[^ACGTURYSWKMBDHVNacgturyswkmbdhvn&\-\r\n]/;
const HAS_T = /[Tt]/;
const HAS_U = /[Uu]/;
const HAS_CONTENT = /[^&\s]/;

/**
 * Scans the sequence lines: BP001 per invalid character, BP002. Returns whether the record has any
 * character besides strand breaks. The record's text is first tested with native regular
 * expressions; only records with suspicious characters are walked line by line, character by
 * character (trailing whitespace, which the parser already cut off, also leads there).
 */
function checkSequence(text: string, record: SeqRecord, found: FileDiagnostic[], collector: DiagnosticCollector): boolean {
  const lines = record.sequenceLines;
  if (lines.length === 0) return false;
  const extent = text.slice(lines[0].start, lines[lines.length - 1].end);
  if (INVALID_IN_SEQUENCE.test(extent)) {
    for (const line of lines) reportInvalid(text, line, record.index, found, collector);
  }
  if (HAS_T.test(extent) && HAS_U.test(extent)) {
    const seq = joinRanges(text, lines);
    const t = seq.length - seq.replace(/[Tt]/g, '').length;
    const u = seq.length - seq.replace(/[Uu]/g, '').length;
    const range = { start: lines[0].start, end: lines[lines.length - 1].end };
    found.push(diagnostic('BP002', range, `sequence mixes T (${t}) and U (${u}): DNA is written with T, RNA with U`, record.index));
  }
  return HAS_CONTENT.test(extent);
}

function reportInvalid(text: string, line: OffsetRange, record: number, found: FileDiagnostic[], collector: DiagnosticCollector): void {
  const table = BASE_CLASS;
  for (let o = line.start; o < line.end; o++) {
    const code = text.charCodeAt(o);
    if (code < 128 && table[code] !== BaseClass.Invalid) continue;
    const width = code >= 0xd800 && code <= 0xdbff && o + 1 < line.end ? 2 : 1;
    const range = { start: o, end: o + width };
    // Past the cap, only count: a binary file must not allocate millions of objects.
    if (collector.cap > 0 && collector.kept.length + found.length >= collector.cap) collector.count(range);
    else {
      const ch = text.slice(o, o + width);
      found.push(diagnostic('BP001', range, `${describeChar(ch)} is not allowed in a nucleotide sequence (${SEQUENCE_ALPHABET})`, record));
    }
    o += width - 1;
  }
}

function checkStructure(text: string, record: SeqRecord, hasSequence: boolean, found: FileDiagnostic[]): void {
  const idx = record.index;
  for (const stray of record.strayAnnotations) {
    found.push(
      diagnostic('BP009', stray, `malformed energy annotation '${text.slice(stray.start, stray.end)}': only the last structure line may end with an energy such as (-12.30)`, idx),
    );
  }
  if (record.energy && record.energy.value === undefined) {
    found.push(
      diagnostic('BP009', record.energy.range, `malformed energy annotation '${record.energy.text}': expected a number in kcal/mol in parentheses, e.g. (-12.30)`, idx),
    );
  }
  const lines = record.structureLines;
  if (lines.length === 0) return;
  const structure = joinRanges(text, lines);
  const at = (k: number): OffsetRange => {
    const o = offsetOfIndex(lines, k);
    return { start: o, end: o + 1 };
  };
  const table = parsePairTable(structure);
  const numbers = nucleotideNumbers(structure);

  for (const k of table.invalid) {
    found.push(diagnostic('BP001', at(k), `${describeChar(structure[k])} is not allowed in a dot-bracket structure (${STRUCTURE_ALPHABET})`, idx));
  }
  for (const k of table.unmatched) {
    const c = structure[k];
    const opens = c === '(' || c === '[' || c === '{' || c === '<' || (c >= 'A' && c <= 'Z');
    const what = opens ? 'has no closing partner' : 'has no opening partner';
    found.push(diagnostic('BP006', at(k), `unbalanced bracket: '${c}' at position ${numbers[k]} ${what}`, idx));
  }

  const sequence = joinRanges(text, record.sequenceLines);
  const structureRange = { start: lines[0].start, end: lines[lines.length - 1].end };
  let aligned = hasSequence;
  if (hasSequence && structure.length !== sequence.length) {
    aligned = false;
    found.push(
      diagnostic('BP005', structureRange, `structure has ${structure.length} characters but the sequence has ${sequence.length}`, idx),
    );
  } else if (hasSequence) {
    for (let k = 0; k < structure.length; k++) {
      if ((structure[k] === '&') !== (sequence[k] === '&')) {
        aligned = false;
        const where = structure[k] === '&' ? 'the structure has a strand break' : 'the sequence has a strand break';
        found.push(diagnostic('BP005', structureRange, `strands differ: at column ${k + 1} ${where} ('&') and the other does not`, idx));
        break;
      }
    }
  }

  // Strand of each index, to keep intermolecular pairs out of the hairpin check.
  const strand = new Int32Array(structure.length);
  for (let k = 0, s = 0; k < structure.length; k++) {
    if (structure[k] === '&') s++;
    strand[k] = s;
  }
  const { partner } = table;
  let nextPaired = -1;
  const nextPairedAfter = new Int32Array(structure.length);
  for (let k = structure.length - 1; k >= 0; k--) {
    nextPairedAfter[k] = nextPaired;
    if (partner[k] >= 0) nextPaired = k;
  }
  for (let i = 0; i < structure.length; i++) {
    const j = partner[i];
    if (j <= i) continue;
    if (aligned) {
      const a = sequence[i];
      const b = sequence[j];
      const gap = a === '-' || b === '-';
      if (gap || (isDefiniteBase(a) && isDefiniteBase(b) && !isCanonicalPair(a, b))) {
        found.push(
          diagnostic('BP007', at(i), `non-canonical base pair ${numbers[i]}-${numbers[j]}: ${a}-${b} (canonical pairs: AU, GC, GU)`, idx, [
            { range: at(j), message: `partner of position ${numbers[i]}: ${b} at ${numbers[j]}` },
          ]),
        );
      }
    }
    if (nextPairedAfter[i] === j && strand[i] === strand[j] && j - i - 1 < 3) {
      const span = { start: at(i).start, end: at(j).end };
      found.push(
        diagnostic('BP008', span, `hairpin loop closed by ${numbers[i]}-${numbers[j]} has ${j - i - 1} unpaired bases (at least 3 needed)`, idx),
      );
    }
  }
}
