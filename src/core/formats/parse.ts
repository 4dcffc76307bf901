// Parser for FASTA and dot-bracket (Vienna) files. Never throws: every input yields records and
// ranges; problems are found later by the linter. Line-based and allocation-light so that a 50 MB
// file parses in a fraction of a second.
//
// Rules (both formats): a line starting with `>` is a header; blank lines are ignored anywhere;
// non-blank lines before the first header form the preamble; CRLF, lone CR at line end, a BOM and
// trailing whitespace are tolerated. FASTA: every other line is a sequence line (wrapping allowed).
// dot-bracket: lines after the header are sequence lines until the first line whose first non-blank
// character is one of `.()[]{}<>`; that line and the following non-blank lines of the record are the
// structure (wrapping allowed); the last structure line may end with whitespace + an energy
// annotation such as `(-12.30)`.
import { LineIndex } from '../text/lineIndex';
import type { EnergyAnnotation, FormatKind, OffsetRange, ParsedFile, SeqRecord } from './records';

const GT = 0x3e; // >
const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;

/** First characters that start a structure line in dot-bracket files. */
const STRUCTURE_START = new Set(['.', '(', ')', '[', ']', '{', '}', '<', '>'].map((c) => c.charCodeAt(0)));

const ENERGY = /^\(\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*\)$/;

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB || code === CR || code === 0x0b || code === 0x0c;
}

export function parseEnergy(text: string): number | undefined {
  const m = ENERGY.exec(text);
  return m ? Number(m[1]) : undefined;
}

export function parseFile(text: string, kind: FormatKind): ParsedFile {
  const lines = new LineIndex(text);
  const bomLength = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const records: SeqRecord[] = [];
  let preamble: OffsetRange | undefined;
  let current: SeqRecord | undefined;
  let inStructure = false;
  const starts = lines.lineStarts;

  for (let line = 0; line < starts.length; line++) {
    const lineStart = line === 0 ? bomLength : starts[line];
    let end = lines.lineContentEnd(line);
    while (end > lineStart && isBlank(text.charCodeAt(end - 1))) end--;
    if (end <= lineStart) continue; // blank line
    let first = lineStart;
    while (isBlank(text.charCodeAt(first))) first++;

    if (text.charCodeAt(lineStart) === GT) {
      if (current) records.push(current);
      current = newRecord(text, records.length, lineStart, end);
      inStructure = false;
      continue;
    }
    if (!current) {
      if (preamble) preamble.end = end;
      else preamble = { start: first, end };
      continue;
    }
    current.range.end = end;
    if (kind === 'dot-bracket' && (inStructure || STRUCTURE_START.has(text.charCodeAt(first)))) {
      inStructure = true;
      current.structureLines.push({ start: lineStart, end });
    } else {
      current.sequenceLines.push({ start: lineStart, end });
    }
  }
  if (current) records.push(current);
  if (kind === 'dot-bracket') for (const r of records) splitAnnotations(text, r);
  return { kind, text, lines, records, preamble, bomLength };
}

function newRecord(text: string, index: number, start: number, end: number): SeqRecord {
  let idStart = start + 1;
  while (idStart < end && isBlank(text.charCodeAt(idStart))) idStart++;
  let idEnd = idStart;
  while (idEnd < end && !isBlank(text.charCodeAt(idEnd))) idEnd++;
  return {
    index,
    header: { start, end },
    id: text.slice(idStart, idEnd),
    idRange: { start: idStart, end: idEnd },
    description: text.slice(idEnd, end).trim(),
    sequenceLines: [],
    structureLines: [],
    strayAnnotations: [],
    range: { start, end },
  };
}

/** Cuts each structure line at its first whitespace: before = structure, after = annotation. */
function splitAnnotations(text: string, record: SeqRecord): void {
  const n = record.structureLines.length;
  for (let k = 0; k < n; k++) {
    const r = record.structureLines[k];
    let first = r.start;
    while (first < r.end && isBlank(text.charCodeAt(first))) first++;
    let ws = first;
    while (ws < r.end && !isBlank(text.charCodeAt(ws))) ws++;
    if (ws === r.end) continue;
    let a = ws;
    while (a < r.end && isBlank(text.charCodeAt(a))) a++;
    const annotation = { start: a, end: r.end };
    r.end = ws;
    if (k === n - 1) record.energy = energyAt(text, annotation);
    else record.strayAnnotations.push(annotation);
  }
}

function energyAt(text: string, range: OffsetRange): EnergyAnnotation {
  const t = text.slice(range.start, range.end);
  return { range, text: t, value: parseEnergy(t) };
}

/** Concatenated text of some line ranges (a record's sequence or structure). */
export function joinRanges(text: string, ranges: readonly OffsetRange[]): string {
  if (ranges.length === 1) return text.slice(ranges[0].start, ranges[0].end);
  let s = '';
  for (const r of ranges) s += text.slice(r.start, r.end);
  return s;
}

/** Offset in the text of the k-th character (0-based) of the concatenated ranges, or -1. */
export function offsetOfIndex(ranges: readonly OffsetRange[], k: number): number {
  let rest = k;
  for (const r of ranges) {
    const len = r.end - r.start;
    if (rest < len) return r.start + rest;
    rest -= len;
  }
  return -1;
}

/** Index in the concatenated ranges of the character at `offset`, or -1 when outside them. */
export function indexOfOffset(ranges: readonly OffsetRange[], offset: number): number {
  let before = 0;
  for (const r of ranges) {
    if (offset >= r.start && offset < r.end) return before + offset - r.start;
    before += r.end - r.start;
  }
  return -1;
}

/** Total length of some ranges. */
export function rangesLength(ranges: readonly OffsetRange[]): number {
  let n = 0;
  for (const r of ranges) n += r.end - r.start;
  return n;
}

/** The record whose range (header to last line) contains the offset, by binary search. */
export function recordAt(file: ParsedFile, offset: number): SeqRecord | undefined {
  const recs = file.records;
  let lo = 0;
  let hi = recs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const r = recs[mid];
    if (offset < r.range.start) hi = mid - 1;
    else if (offset > r.range.end) lo = mid + 1;
    else return r;
  }
  return undefined;
}
